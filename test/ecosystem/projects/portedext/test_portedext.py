import sys
import unittest
import zlib

import portedext


class PortedExtTest(unittest.TestCase):
    def test_length(self):
        self.assertEqual(portedext.length(b"abcd"), 4)
        self.assertEqual(portedext.length(memoryview(b"abcd")[1:]), 3)
        with self.assertRaises(TypeError):
            portedext.length("text")

    def test_adler32(self):
        for data in (b"", b"abc", bytes(range(256)) * 300):
            self.assertEqual(portedext.adler32(data), zlib.adler32(data))

    def test_runs_on_313(self):
        # scripts/ecosystem builds and tests on CPython 3.13.
        self.assertEqual(sys.version_info[:2], (3, 13))


if __name__ == "__main__":
    unittest.main()
