// RUN: %check_pycapi -fix-errors %s pycapi-removed-buffer-api %t -- -- %py313 -fno-spell-checking

// C++ against the 3.13 headers: the removed functions are undeclared (an
// error, not an implicit declaration); with --fix-errors and without typo
// correction (which the CLI turns off by itself) the calls, kept as recovery
// expressions, are still rewritten, and the fixed file compiles.

#include <Python.h>

int read_first(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: error: use of undeclared identifier 'PyObject_AsCharBuffer' [clang-diagnostic-error]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// C++ against 3.13: the undeclared call is rewritten all the same.
// CHECK-FIXES:int read_first(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

int write_first(PyObject *obj) {
  void *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, &buf, &len) != 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: error: use of undeclared identifier 'PyObject_AsWriteBuffer' [clang-diagnostic-error]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  if (len > 0)
    static_cast<char *>(buf)[0] = 'x';
  return 0;
}
// A writable call against 3.13 becomes PyBUF_WRITABLE.
// CHECK-FIXES:int write_first(PyObject *obj) {
// CHECK-FIXES-NEXT:  void *buf;
// CHECK-FIXES-NEXT:  Py_buffer buf_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) != 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  buf = buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-NEXT:  if (len > 0)
// CHECK-FIXES-NEXT:    static_cast<char *>(buf)[0] = 'x';
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int check_then_read(PyObject *obj) {
  if (!PyObject_CheckReadBuffer(obj))
  // CHECK-NOTES: :[[@LINE-1]]:8: error: use of undeclared identifier 'PyObject_CheckReadBuffer' [clang-diagnostic-error]
  // CHECK-NOTES: :[[@LINE-2]]:8: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
    return -1;
  const void *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: error: use of undeclared identifier 'PyObject_AsReadBuffer' [clang-diagnostic-error]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len == 0)
    return 0;
  return *static_cast<const char *>(data);
}
// A check and a call against 3.13 are both rewritten.
// CHECK-FIXES:int check_then_read(PyObject *obj) {
// CHECK-FIXES-NEXT:  if (!PyObject_CheckBuffer(obj))
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  if (len == 0) {
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  int result = *static_cast<const char *>(data);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}
