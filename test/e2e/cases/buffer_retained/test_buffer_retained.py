"""Test of the buffer_retained extension: a Holder keeps a pointer to the
memory of the object it was made from, so that object's export must live as
long as the Holder (see README.md).

The harness says which code it runs against in PYCAPI_E2E_STAGE:
- 'before': the legacy code. PyObject_AsWriteBuffer released its view before
  returning, so the object can be resized under a live Holder: the hazard.
- 'migrated': the tool's output as it is. It holds the view only until the
  constructor returns (it cannot see that holder_attach keeps the pointer, and
  says so in a note), so the hazard is still there.
- 'patched': that output with after-fix.patch, the fix the note suggests: the
  Holder keeps the Py_buffer and releases it in tp_dealloc. The object cannot
  be resized while the Holder lives, and can once it is gone.

Where the hazard is there, the test resizes only after its last read through
the Holder: a read after a resize would be a use-after-free.
"""
import gc
import os
import sys
import unittest

import buffer_retained

STAGE = os.environ.get("PYCAPI_E2E_STAGE")
if STAGE not in ("before", "migrated", "patched"):
    raise SystemExit("test_buffer_retained.py: set PYCAPI_E2E_STAGE to before, migrated "
                     f"or patched (test/e2e/harness.py does), not {STAGE!r}")
HOLDS_EXPORT = STAGE == "patched"
# PyObject_AsWriteBuffer raised TypeError for any failure; its replacement,
# PyObject_GetBuffer(..., PyBUF_WRITABLE), raises BufferError for a read-only
# buffer (the check's documented change).
READ_ONLY_ERROR = TypeError if STAGE == "before" else BufferError


def resizable(obj):
    """Whether obj (a bytearray) can be resized, i.e. has no live export;
    leaves obj as it was."""
    try:
        obj.extend(b"!")
    except BufferError:
        return False
    del obj[-1:]
    return True


class HolderTest(unittest.TestCase):
    def test_reads_and_writes_the_objects_memory(self):
        data = bytearray(b"0123456789abcdef")
        holder = buffer_retained.Holder(data)
        self.assertEqual(holder.read(), b"0123456789abcdef")
        data[0:3] = b"XYZ"                       # same size: allowed with an export
        self.assertEqual(holder.read(), b"XYZ3456789abcdef")
        holder.fill(0x2A)
        self.assertEqual(data, bytearray(b"*" * 16))

    def test_export_lives_as_long_as_the_holder(self):
        data = bytearray(16)
        holder = buffer_retained.Holder(data)
        self.assertEqual(holder.read(), bytes(16))
        if HOLDS_EXPORT:
            self.assertFalse(resizable(data), "resized while a Holder points into it")
            with self.assertRaises(BufferError):
                del data[:]
            holder.fill(7)                       # the memory is still the object's
            self.assertEqual(data, bytearray(b"\x07" * 16))
        else:
            # The hazard the note is about: nothing holds the export.
            self.assertTrue(resizable(data), f"{STAGE} code unexpectedly holds an export")
        del holder
        gc.collect()
        self.assertTrue(resizable(data), "the export outlived its Holder")
        del data[:]
        self.assertEqual(data, bytearray())

    def test_holder_keeps_the_object_alive(self):
        if not HOLDS_EXPORT:
            self.skipTest(f"{STAGE} code does not hold a view, so nothing keeps the "
                          "object alive: reading would be a use-after-free")
        holder = buffer_retained.Holder(bytearray(b"temporary"))
        gc.collect()
        self.assertEqual(holder.read(), b"temporary")

    def test_failures(self):
        with self.assertRaises(TypeError):
            buffer_retained.Holder(42)
        with self.assertRaises(READ_ONLY_ERROR):
            buffer_retained.Holder(b"read-only")
        view = memoryview(bytearray(b"abc")).toreadonly()
        with self.assertRaises(READ_ONLY_ERROR):
            buffer_retained.Holder(view)
        view.release()                           # raises BufferError if a failure leaked an export


if __name__ == "__main__":
    print(f"buffer_retained ({STAGE}) on Python {sys.version.split()[0]} "
          f"from {buffer_retained.__file__}")
    unittest.main(verbosity=2)
