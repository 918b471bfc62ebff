"""identifiers behaves the same before and after the migration, on 3.11 and
3.13: results, exceptions, and reference counts."""
import sys
import unittest

import identifiers

LOOPS = 1000


class Holder:
    value = 42


class Failing:
    @property
    def value(self):
        raise ZeroDivisionError("from the getter")


class Frozen:
    __slots__ = ()


class Recorder:
    """obj.method records the arguments of each call and returns them."""

    def __init__(self):
        self.calls = []

    def method(self, *args):
        self.calls.append(args)
        return args


class Raising:
    def method(self, *args):
        raise KeyError(args)


class NotCallable:
    method = 7


class IdentifiersTest(unittest.TestCase):
    def assertNoLeak(self, objects, call):
        """call() LOOPS times leaves every object's reference count as it was."""
        call()  # caches and interned strings settle first
        before = [sys.getrefcount(o) for o in objects]
        for _ in range(LOOPS):
            call()
        self.assertEqual([sys.getrefcount(o) for o in objects], before)

    def test_lookup(self):
        self.assertEqual(identifiers.lookup(Holder()), (42,))
        # A missing attribute: found 0, no exception.
        self.assertIsNone(identifiers.lookup(object()))
        self.assertIsNone(identifiers.lookup(Frozen()))
        # Any other error propagates.
        with self.assertRaises(ZeroDivisionError):
            identifiers.lookup(Failing())
        value = object()
        holder = Holder()
        holder.value = value
        self.assertNoLeak([value, holder], lambda: identifiers.lookup(holder))

    def test_set_value(self):
        holder = Holder()
        value = object()
        identifiers.set_value(holder, value)
        self.assertIs(holder.value, value)
        with self.assertRaises(AttributeError):
            identifiers.set_value(Frozen(), value)
        with self.assertRaises(AttributeError):
            identifiers.set_value(object(), value)
        self.assertNoLeak([value, holder],
                          lambda: identifiers.set_value(holder, value))

    def test_dict(self):
        d = {}
        value = object()
        identifiers.dict_set(d, value)
        self.assertEqual(d, {"the key": value})
        self.assertIs(identifiers.dict_contains(d), True)
        identifiers.dict_del(d)
        self.assertEqual(d, {})
        self.assertIs(identifiers.dict_contains(d), False)
        # A missing key, a dict that is not one.
        with self.assertRaises(KeyError):
            identifiers.dict_del(d)
        with self.assertRaises(SystemError):
            identifiers.dict_set([], value)
        with self.assertRaises(SystemError):
            identifiers.dict_del([])

        def cycle():
            identifiers.dict_set(d, value)
            identifiers.dict_contains(d)
            identifiers.dict_del(d)
        self.assertNoLeak([value, d], cycle)

    def test_is_flush(self):
        self.assertIs(identifiers.is_flush("flush"), True)
        self.assertIs(identifiers.is_flush("flus"), False)
        self.assertIs(identifiers.is_flush("flush\u00e9"), False)
        self.assertIs(identifiers.is_flush("".join(["fl", "ush"])), True)
        s = "".join(["fl", "ush"])
        self.assertNoLeak([s], lambda: identifiers.is_flush(s))

    def test_calls(self):
        r = Recorder()
        self.assertEqual(identifiers.call0(r), ())
        self.assertEqual(identifiers.call_none(r), ())
        self.assertEqual(identifiers.call1(r, 5), (5,))
        self.assertEqual(identifiers.call2(r, 5, "x"), (5, "x"))
        self.assertEqual(r.calls, [(), (), (5,), (5, "x")])

    def test_tuple_is_one_argument(self):
        # A tuple passed as the single argument stays one argument.
        r = Recorder()
        t = (1, 2, 3)
        self.assertEqual(identifiers.call1(r, t), (t,))
        self.assertEqual(identifiers.call1(r, ()), ((),))
        self.assertEqual(identifiers.call2(r, t, ()), (t, ()))
        self.assertNoLeak([t, r], lambda: (identifiers.call1(r, t),
                                           r.calls.clear()))

    def test_call_errors(self):
        for call, args in ((identifiers.call0, ()), (identifiers.call_none, ()),
                           (identifiers.call1, (1,)),
                           (identifiers.call2, (1, 2))):
            with self.assertRaises(KeyError):
                call(Raising(), *args)
            with self.assertRaises(AttributeError):
                call(object(), *args)
            # The messages differ (see the rows' advice); the type does not.
            with self.assertRaises(TypeError):
                call(NotCallable(), *args)

    def test_call_references(self):
        r = Recorder()
        a, b = object(), object()

        def calls():
            identifiers.call0(r)
            identifiers.call1(r, a)
            identifiers.call2(r, a, b)
            identifiers.call_none(r)
            r.calls.clear()
        self.assertNoLeak([r, a, b], calls)

        def failing():
            try:
                identifiers.call2(Raising(), a, b)
            except KeyError:
                pass
        self.assertNoLeak([a, b], failing)


if __name__ == "__main__":
    unittest.main()
