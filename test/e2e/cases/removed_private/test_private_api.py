"""private_api behaves the same before and after the migration, on 3.11 and 3.13."""
import sys
import unittest

import private_api


class Thing:
    attr = 42


class PrivateApiTest(unittest.TestCase):
    def test_as_int(self):
        self.assertEqual(private_api.as_int(7), 7)
        self.assertEqual(private_api.as_int(-2**31), -2**31)
        with self.assertRaises(OverflowError):
            private_api.as_int(2**40)
        with self.assertRaises(TypeError):
            private_api.as_int("7")

    def test_lookup(self):
        self.assertEqual(private_api.lookup(Thing(), "attr"), (42,))
        self.assertIsNone(private_api.lookup(Thing(), "missing"))

    def test_state(self):
        self.assertIs(private_api.is_finalizing(), False)
        self.assertIs(private_api.has_interpreter(), True)

    def test_call(self):
        self.assertEqual(private_api.call(max, 3, 9, 4), 9)
        self.assertEqual(private_api.call(tuple), ())
        with self.assertRaises(ZeroDivisionError):
            private_api.call(divmod, 1, 0)

    def test_time(self):
        self.assertEqual(private_api.double_time(21), 42)
        self.assertEqual(private_api.double_time(-2**40), -2**41)

    def test_gc_finalized(self):
        self.assertIs(private_api.gc_finalized([]), False)
        self.assertIs(private_api.gc_finalized(1), False)

    def test_extend(self):
        self.assertEqual(private_api.extend([1], (2, 3)), [1, 2, 3])
        with self.assertRaises(TypeError):
            private_api.extend([], 5)


if __name__ == "__main__":
    print(f"private_api on Python {sys.version.split()[0]} from {private_api.__file__}")
    unittest.main(verbosity=2)
