"""Runs unchanged on the legacy build (3.11) and on the migrated build (3.11
and 3.13): the rewrites keep results, errors and reference counts."""
import sys

import private_calls as m


def raises(exc_types, message, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc_types as e:
        if message is not None:
            assert str(e) == message, (str(e), message)
        return e
    raise AssertionError(f"{fn.__name__} did not raise {exc_types}")


def no_leak(fn, *objects):
    """fn() 1000 times leaves the reference counts of objects unchanged."""
    fn()
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(1000):
        fn()
    after = [sys.getrefcount(o) for o in objects]
    assert before == after, (fn, before, after)


def collect(*args, **kwargs):
    return (args, kwargs)


# PyEval_CallObject / PyEval_CallObjectWithKeywords(f, a, NULL):
# NULL arguments call with none, a tuple is spread, anything else is a
# TypeError with CPython's message.
assert m.call_object(collect) == ((), {})
assert m.call_object(collect, (1, "two")) == ((1, "two"), {})
assert m.call_object(collect, ()) == ((), {})
raises(TypeError, "argument list must be a tuple", m.call_object, collect, [1])
assert m.call_object_kw_null(collect) == ((), {})
assert m.call_object_kw_null(collect, (3,)) == ((3,), {})
raises(TypeError, "argument list must be a tuple",
       m.call_object_kw_null, collect, "ab")
raises(ZeroDivisionError, None, m.call_object, lambda x: 1 // x, (0,))
args = (1, 2)
no_leak(lambda: m.call_object(collect, args), collect, args)
no_leak(lambda: m.call_object_kw_null(collect, args), collect, args)
no_leak(lambda: raises(TypeError, None, m.call_object, collect, [1]), collect)

# PyEval_CallFunction / PyEval_CallMethod: "(O)" passes a tuple as one
# argument.
assert m.call_function(collect, (1, 2)) == (((1, 2),), {})
assert m.call_method([3, 1, 2], "index", 1) == 1
raises(ValueError, None, m.call_method, [3], "index", 7)
raises(AttributeError, None, m.call_method, [3], "missing", 7)
no_leak(lambda: m.call_function(collect, args), collect, args)

# _PyLong_Format for the bases PyNumber_ToBase supports: the same strings,
# prefixes included; ints, bools and int subclasses alike.
class MyInt(int):
    pass


for value in (0, 5, -255, 2**100, True, MyInt(42)):
    assert m.long_format(value, 2) == bin(value), value
    assert m.long_format(value, 8) == oct(value), value
    assert m.long_format(value, 10) == str(int(value)), value
    assert m.long_format(value, 16) == hex(value), value
big = 2**200
no_leak(lambda: m.long_format(big, 16), big)
# A non-int was a caller error: _PyLong_Format raised SystemError (bad
# internal call), PyNumber_ToBase raises TypeError. Either way an exception,
# never a crash or a result.
for base in (2, 10):
    raises((SystemError, TypeError), None, m.long_format, "12", base)
    raises((SystemError, TypeError), None, m.long_format, 1.5, base)

# _PyUnicode_EqualToASCIIString -> PyUnicode_EqualToUTF8.
assert m.equal_spam("spam") is True
assert m.equal_spam("spam!") is False
assert m.equal_spam("spa") is False
assert m.equal_spam("sp\u00e4m") is False
assert m.equal_spam("") is False
s = "spam"
no_leak(lambda: m.equal_spam(s), s)

# &_PyNone_Type -> Py_TYPE(Py_None), _PyNone_Type.tp_name.
assert m.none_type() is type(None)
assert m.not_implemented_type() is type(NotImplemented)
assert m.none_type_name() == "NoneType"
no_leak(m.none_type, type(None))

# _PyArg_No*: the same results and messages.
assert m.no_keywords() == 0
assert m.no_keywords(1, 2) == 2
assert m.no_keywords(**{}) == 0
raises(TypeError, "no_keywords() takes no keyword arguments",
       m.no_keywords, 1, a=2)
assert m.no_positional() == 0
assert m.no_positional(a=1, b=2) == 2
raises(TypeError, "no_positional() takes no positional arguments",
       m.no_positional, 1)
assert m.no_kwnames() == 0
assert m.no_kwnames(1, 2, 3) == 3
raises(TypeError, "no_kwnames() takes no keyword arguments",
       m.no_kwnames, 1, x=2)
no_leak(lambda: raises(TypeError, None, m.no_keywords, s, a=s), s)
no_leak(lambda: m.no_kwnames(s, s), s)

# The trashcan: a 1000000-deep chain is deallocated without exhausting the
# C stack (without it, 3.11 crashes).
head = None
for _ in range(1000000):
    head = m.Node(head)
del head
# A Python subclass's instances go through subtype_dealloc, which has its own
# trashcan. The chain stays shallower than the trashcan's nesting limit (50):
# deeper, the old Py_TRASHCAN_SAFE_BEGIN, which also defers a subclass's
# deallocation, crashes now and then at the final collection on 3.11 (the
# flaw Py_TRASHCAN_BEGIN's tp_dealloc test fixes), and the code before the
# migration must pass this test too.
SubNode = type("SubNode", (m.Node,), {})
head = None
for _ in range(40):
    head = SubNode(head)
del head
n = m.Node(None)
assert sys.getrefcount(n) == 2
del n
print("ok")
