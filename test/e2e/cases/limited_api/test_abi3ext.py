"""abi3ext, built as an abi3 module for Py_LIMITED_API 0x030D0000, on 3.13."""
import sys
import unittest

import abi3ext

EVENTS = []


def hook(event, args):
    if event.startswith("abi3ext."):
        EVENTS.append((event, args))


sys.addaudithook(hook)


class Abi3ExtTest(unittest.TestCase):
    def setUp(self):
        EVENTS.clear()

    def test_is_abi3(self):
        self.assertTrue(abi3ext.__file__.endswith(".abi3.so"), abi3ext.__file__)

    def test_raw_memory(self):
        self.assertEqual(abi3ext.raw_roundtrip(0), b"")
        self.assertEqual(abi3ext.raw_roundtrip(3), b"abc\0\0\0")
        data = abi3ext.raw_roundtrip(1000)
        self.assertEqual(len(data), 2000)
        self.assertEqual(data[:26], bytes(range(ord("a"), ord("z") + 1)))
        self.assertEqual(data[1000:], bytes(1000))
        with self.assertRaises(ValueError):
            abi3ext.raw_roundtrip(-1)

    def test_audit(self):
        abi3ext.audit("abi3ext.event", 42)
        self.assertEqual(EVENTS, [("abi3ext.event", (42,))])

    def test_audit_tuple(self):
        abi3ext.audit_tuple("abi3ext.tuple", (1, "two"))
        self.assertEqual(EVENTS, [("abi3ext.tuple", (1, "two"))])
        with self.assertRaises(TypeError):
            abi3ext.audit_tuple("abi3ext.tuple", [1])

    def test_module_by_def(self):
        self.assertIs(abi3ext.module_of(abi3ext.Thing()), abi3ext)
        with self.assertRaises(TypeError):
            abi3ext.module_of(42)


if __name__ == "__main__":
    print(f"abi3ext on Python {sys.version.split()[0]} from {abi3ext.__file__}")
    unittest.main(verbosity=2)
