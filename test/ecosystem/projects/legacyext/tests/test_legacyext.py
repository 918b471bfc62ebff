import unittest

import legacyext


class LegacyExtTest(unittest.TestCase):
    def test_is_buffer(self):
        self.assertTrue(legacyext.is_buffer(b"abc"))
        self.assertTrue(legacyext.is_buffer(bytearray(2)))
        self.assertFalse(legacyext.is_buffer("abc"))
        self.assertFalse(legacyext.is_buffer(3))

    def test_byte_sum(self):
        self.assertEqual(legacyext.byte_sum(b"\x01\x02\xff"), 258)
        self.assertEqual(legacyext.byte_sum(memoryview(b"ab")[1:]), 98)
        self.assertEqual(legacyext.byte_sum(b""), 0)
        with self.assertRaises(TypeError):
            legacyext.byte_sum("text")

    def test_byte_sum_releases_the_buffer(self):
        data = bytearray(b"xyz")
        legacyext.byte_sum(data)
        data.extend(b"!")  # BufferError if an export were still held
        self.assertEqual(data, bytearray(b"xyz!"))

    def test_twice(self):
        self.assertEqual(legacyext.twice(21), 42)
        self.assertEqual(legacyext.twice(-3), -6)
        with self.assertRaises(OverflowError):
            legacyext.twice(2**40)

    def test_constant(self):
        self.assertIn(legacyext.has_gc_finalized, (0, 1))


if __name__ == "__main__":
    unittest.main()
