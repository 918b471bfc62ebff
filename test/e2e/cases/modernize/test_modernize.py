"""The modernize extension behaves the same before and after migration."""
import sys
import unittest

import modernize


class ModernizeTest(unittest.TestCase):
    def test_box(self):
        value = object()
        b = modernize.box(value)
        self.assertIs(modernize.unbox(b), value)
        other = [1]
        modernize.rebox(b, other)
        self.assertIs(modernize.unbox(b), other)
        self.assertEqual(modernize.type_name(b), "modernize.Box")
        with self.assertRaises(TypeError):
            modernize.unbox(42)

    def test_retype(self):
        b = modernize.box("x")
        same = modernize.retype(b)
        self.assertIs(same, b)
        self.assertEqual(modernize.type_name(b), "modernize.OtherBox")
        self.assertEqual(modernize.unbox(b), "x")
        with self.assertRaises(TypeError):
            modernize.retype(b)

    def test_kind(self):
        self.assertEqual(modernize.kind(None), 0)
        self.assertEqual(modernize.kind(True), 1)
        self.assertEqual(modernize.kind(False), 2)
        self.assertEqual(modernize.kind(7), 3)
        self.assertEqual(modernize.kind("s"), 4)

    def test_fields(self):
        self.assertEqual(modernize.tuple_size((1, 2, 3)), 3)
        self.assertEqual(modernize.type_name(1.5), "float")
        self.assertIs(modernize.has_refs(object()), True)
        self.assertIs(modernize.has_interpreter(), True)

    def test_memory(self):
        self.assertEqual(modernize.copy_bytes(b"abc"), b"abc")
        with self.assertRaises(TypeError):
            modernize.copy_bytes("abc")

    def test_replace_value(self):
        first, second = object(), object()
        b = modernize.box(first)
        before = sys.getrefcount(first)
        modernize.replace_value(b, second)
        self.assertIs(modernize.unbox(b), second)
        self.assertEqual(sys.getrefcount(first), before - 1)

    def test_cached(self):
        for value in (1, "two", None, 3.0):
            modernize.swap_cached(value)


if __name__ == "__main__":
    print(f"modernize on Python {sys.version.split()[0]} from {modernize.__file__}")
    unittest.main(verbosity=2)
