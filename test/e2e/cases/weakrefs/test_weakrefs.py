"""weakrefs behaves the same before and after the migration to
PyWeakref_GetRef, on 3.11 and 3.13: results for live and dead referents, the
error for an object that is not a weak reference, and no reference leaked
or lost over many calls."""
import gc
import os
import sys
import unittest
import weakref

import weakrefs


class Target:
    def __init__(self, truth=True):
        self.truth = truth
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return args[0] if args else None

    def __bool__(self):
        return self.truth

    def __repr__(self):
        return "<Target %s>" % self.truth


def dead_ref():
    t = Target()
    r = weakref.ref(t)
    del t
    gc.collect()
    assert r() is None
    return r


class WeakrefsTest(unittest.TestCase):
    def test_repr(self):
        t = Target()
        self.assertEqual(weakrefs.repr_of(weakref.ref(t)), "<Target True>")
        self.assertEqual(weakrefs.repr_of(dead_ref()), "<dead>")

    def test_not_a_weakref(self):
        # The removed function raised SystemError (a bad internal call),
        # PyWeakref_GetRef raises TypeError.
        for func in (weakrefs.repr_of, weakrefs.count_alive_true,
                     weakrefs.is_true_if_alive, weakrefs.target_of,
                     weakrefs.target_or_none):
            arg = [1] if func is weakrefs.count_alive_true else 1
            with self.assertRaises((SystemError, TypeError)):
                func(arg)
        with self.assertRaises((SystemError, TypeError)):
            weakrefs.call_with_cleanup(1, 2)
        with self.assertRaises(TypeError):
            weakrefs.call_twice(1, 2)

    def test_call_if_alive(self):
        t = Target()
        self.assertEqual(weakrefs.call_if_alive(weakref.ref(t)), 1)
        self.assertEqual(t.calls, 1)
        self.assertEqual(weakrefs.call_if_alive(dead_ref()), 0)

    def test_count(self):
        a, b, c = Target(True), Target(False), Target(True)
        refs = [weakref.ref(a), weakref.ref(b), dead_ref(), weakref.ref(c)]
        self.assertEqual(weakrefs.count_alive_true(refs), 2)

    def test_cleanup(self):
        t = Target()
        self.assertIs(weakrefs.call_with_cleanup(weakref.ref(t), 5), True)
        self.assertIs(weakrefs.call_with_cleanup(weakref.ref(t), 0), False)
        self.assertIs(weakrefs.call_with_cleanup(dead_ref(), 5), False)

    def test_call_twice(self):
        t = Target()
        self.assertEqual(weakrefs.call_twice(weakref.ref(t), 7), 7)
        self.assertEqual(t.calls, 2)
        self.assertIsNone(weakrefs.call_twice(dead_ref(), 7))

    def test_is_true(self):
        yes, no = Target(True), Target(False)
        self.assertIs(weakrefs.is_true_if_alive(weakref.ref(yes)), True)
        self.assertIs(weakrefs.is_true_if_alive(weakref.ref(no)), False)
        self.assertIs(weakrefs.is_true_if_alive(dead_ref()), False)

    def test_target(self):
        t = Target()
        self.assertIs(weakrefs.target_of(weakref.ref(t)), t)
        self.assertIs(weakrefs.target_or_none(weakref.ref(t)), t)
        with self.assertRaises(ReferenceError):
            weakrefs.target_of(dead_ref())
        self.assertIsNone(weakrefs.target_or_none(dead_ref()))

    def test_references(self):
        t, f = Target(True), Target(False)
        rt, rf = weakref.ref(t), weakref.ref(f)
        dead = dead_ref()
        before = sys.getrefcount(t), sys.getrefcount(f)
        for _ in range(1000):
            weakrefs.repr_of(rt)
            weakrefs.repr_of(dead)
            weakrefs.call_if_alive(rt)
            weakrefs.count_alive_true([rt, rf, dead])
            weakrefs.call_with_cleanup(rt, 1)
            weakrefs.call_with_cleanup(rt, 0)
            weakrefs.call_twice(rt, 1)
            weakrefs.is_true_if_alive(rt)
            weakrefs.is_true_if_alive(rf)
            self.assertIs(weakrefs.target_of(rt), t)
            self.assertIs(weakrefs.target_or_none(rt), t)
        self.assertEqual((sys.getrefcount(t), sys.getrefcount(f)), before)
        # The referent is still only ours: dropping it kills the weakref.
        del t
        gc.collect()
        self.assertIsNone(rt())


if __name__ == "__main__":
    unittest.main()
