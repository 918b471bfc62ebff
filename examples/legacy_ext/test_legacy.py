"""Tests for the legacy extension; the same file must pass before and after
migration, on Python 3.11 and on 3.13.

Besides results and errors, every test checks that the call left no buffer
export behind: a bytearray cannot be resized while a buffer on it is alive
(BufferError), and a memoryview cannot be released while it has exports.
Before migration the old functions release their buffer at once; after it, the
migrated code must call PyBuffer_Release on every path.
"""
import array
import collections
import sys
import unittest

import legacy


class ExportMixin:
    def assertNoExports(self, obj):
        """obj (a bytearray or a memoryview) has no live buffer export."""
        if isinstance(obj, bytearray):
            size = len(obj)
            obj.extend(b"x")  # BufferError if an export leaked
            del obj[size:]
        else:
            obj.release()  # BufferError if an export leaked

    def assertReleasesBuffers(self, func, *args_after):
        """func(buf, *args_after) leaves no export on a bytearray or a
        memoryview of one, whether it succeeds or raises."""
        ba = bytearray(b"abc")
        try:
            func(ba, *args_after)
        except Exception:
            pass
        self.assertNoExports(ba)
        mv = memoryview(bytearray(b"abc"))
        try:
            func(mv, *args_after)
        except Exception:
            pass
        self.assertNoExports(mv)


NON_BUFFERS = (42, "text", None, [1, 2, 3])


class IsBufferTest(ExportMixin, unittest.TestCase):
    def test_buffers(self):
        for obj in (b"", b"abc", bytearray(b"abc"), memoryview(b"abc"),
                    array.array("B", [1, 2]), array.array("i", [1, 2])):
            with self.subTest(obj=obj):
                self.assertIs(legacy.is_buffer(obj), True)

    def test_non_buffers(self):
        for obj in NON_BUFFERS:
            with self.subTest(obj=obj):
                self.assertIs(legacy.is_buffer(obj), False)

    def test_no_export_left(self):
        self.assertReleasesBuffers(legacy.is_buffer)


class UpperTest(ExportMixin, unittest.TestCase):
    def test_result(self):
        self.assertEqual(legacy.upper(b"Hello, World! 123"), b"HELLO, WORLD! 123")
        self.assertEqual(legacy.upper(b""), b"")
        self.assertEqual(legacy.upper(b"\xe9t\xe9"), b"\xe9T\xe9")

    def test_any_buffer(self):
        for obj in (bytearray(b"abc"), memoryview(b"abc"), array.array("B", b"abc")):
            with self.subTest(obj=obj):
                result = legacy.upper(obj)
                self.assertIs(type(result), bytes)
                self.assertEqual(result, b"ABC")

    def test_type_error(self):
        for obj in NON_BUFFERS:
            with self.subTest(obj=obj):
                self.assertRaises(TypeError, legacy.upper, obj)

    def test_no_export_left(self):
        self.assertReleasesBuffers(legacy.upper)
        self.assertReleasesBuffers(lambda buf: legacy.upper(bytes(buf)))


class ChecksumTest(ExportMixin, unittest.TestCase):
    def test_result(self):
        for data in (b"", b"\x00", b"abc", bytes(range(256)) * 5, b"\xff" * 70000):
            with self.subTest(size=len(data)):
                self.assertEqual(legacy.checksum(data), sum(data) % 2**32)

    def test_any_buffer(self):
        self.assertEqual(legacy.checksum(bytearray(b"\x01\x02")), 3)
        self.assertEqual(legacy.checksum(memoryview(b"\x01\x02\x03")[1:]), 5)
        self.assertEqual(legacy.checksum(array.array("H", [0x0101])), 2)

    def test_type_error(self):
        for obj in NON_BUFFERS:
            with self.subTest(obj=obj):
                self.assertRaises(TypeError, legacy.checksum, obj)

    def test_no_export_left(self):
        self.assertReleasesBuffers(legacy.checksum)


class HistogramTest(ExportMixin, unittest.TestCase):
    def test_result(self):
        data = b"hello world" + bytes(range(256))
        counts = collections.Counter(data)
        result = legacy.histogram(data)
        self.assertIsInstance(result, list)
        self.assertEqual(result, [counts[i] for i in range(256)])

    def test_empty(self):
        self.assertEqual(legacy.histogram(b""), [0] * 256)

    def test_type_error(self):
        for obj in NON_BUFFERS:
            with self.subTest(obj=obj):
                self.assertRaises(TypeError, legacy.histogram, obj)

    def test_no_export_left(self):
        self.assertReleasesBuffers(legacy.histogram)


class FillTest(ExportMixin, unittest.TestCase):
    def test_bytearray(self):
        ba = bytearray(b"abcde")
        self.assertIsNone(legacy.fill(ba, 0xAB))
        self.assertEqual(ba, b"\xab" * 5)
        self.assertNoExports(ba)

    def test_other_writable_buffers(self):
        ba = bytearray(4)
        mv = memoryview(ba)
        self.assertIsNone(legacy.fill(mv, 7))
        self.assertNoExports(mv)
        self.assertEqual(ba, b"\x07" * 4)
        arr = array.array("B", [1, 2, 3])
        legacy.fill(arr, 0)
        self.assertEqual(arr.tolist(), [0, 0, 0])
        arr.append(1)  # array.array cannot grow while exported either
        legacy.fill(bytearray(), 1)

    def test_bad_value(self):
        ba = bytearray(b"abc")
        for value in (-1, 256):
            with self.subTest(value=value):
                self.assertRaises(ValueError, legacy.fill, ba, value)
        self.assertEqual(ba, b"abc")
        self.assertNoExports(ba)

    def test_read_only(self):
        # The old PyObject_AsWriteBuffer raised TypeError; PyObject_GetBuffer
        # (after migration) raises BufferError for read-only exporters.
        mv = memoryview(b"abc")
        for obj in (b"abc", mv):
            with self.subTest(obj=obj):
                self.assertRaises((TypeError, BufferError), legacy.fill, obj, 0)
        self.assertNoExports(mv)

    def test_type_error(self):
        for obj in NON_BUFFERS:
            with self.subTest(obj=obj):
                self.assertRaises(TypeError, legacy.fill, obj, 0)

    def test_no_export_left(self):
        self.assertReleasesBuffers(legacy.fill, 1)
        self.assertReleasesBuffers(legacy.fill, 300)


if __name__ == "__main__":
    print(f"legacy on Python {sys.version.split()[0]} from {legacy.__file__}")
    unittest.main(verbosity=2)
