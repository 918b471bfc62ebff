"""smoke.is_buffer() must agree with the buffer protocol on any Python."""
import sys
import unittest

import smoke


class IsBufferTest(unittest.TestCase):
    def test_buffers(self):
        for obj in (b"abc", bytearray(b"abc"), memoryview(b"abc")):
            with self.subTest(type=type(obj).__name__):
                self.assertIs(smoke.is_buffer(obj), True)

    def test_non_buffers(self):
        for obj in (42, None):
            with self.subTest(type=type(obj).__name__):
                self.assertIs(smoke.is_buffer(obj), False)


if __name__ == "__main__":
    print(f"smoke on Python {sys.version.split()[0]} from {smoke.__file__}")
    unittest.main(verbosity=2)
