// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -crlf -fix-errors -check-suffixes=,ERR %s pycapi-removed-buffer-api %t -- -- %py313 -Werror=implicit-function-declaration -fno-spell-checking

// C compiled against the real 3.13 headers, which no longer declare the
// removed functions: each call is an implicit declaration (a warning with
// clang 14, an error from clang 16 on; silenced in the first run, an error in
// the second, as -Werror=implicit-function-declaration makes it, which the
// user guide recommends; -fno-spell-checking keeps clang-tidy from adding
// "did you mean" notes, as pycapi-migrate does by itself). The calls are
// found and rewritten all the same, and the fixed file compiles against 3.13
// with implicit declarations as errors: it needs none of the removed
// functions.

#include <Python.h>

PyObject *to_bytes(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES-ERR: :[[@LINE-1]]:7: error: {{implicit declaration of function 'PyObject_AsCharBuffer' is invalid in C99|call to undeclared function 'PyObject_AsCharBuffer'; ISO C99 and later do not support implicit function declarations}} [clang-diagnostic-implicit-function-declaration]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  return PyBytes_FromStringAndSize(data, len);
}
// Against 3.13 the implicitly declared call is rewritten as usual.
// CHECK-FIXES:PyObject *to_bytes(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyObject *result = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

int clear_first(PyObject *obj) {
  void *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
  // CHECK-NOTES-ERR: :[[@LINE-1]]:7: error: {{implicit declaration of function 'PyObject_AsWriteBuffer' is invalid in C99|call to undeclared function 'PyObject_AsWriteBuffer'; ISO C99 and later do not support implicit function declarations}} [clang-diagnostic-implicit-function-declaration]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  if (len)
    *(char *)buf = 0;
  return 0;
}
// A writable call becomes PyBUF_WRITABLE against 3.13 too.
// CHECK-FIXES:int clear_first(PyObject *obj) {
// CHECK-FIXES-NEXT:  void *buf;
// CHECK-FIXES-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  buf = buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-NEXT:  if (len)
// CHECK-FIXES-NEXT:    *(char *)buf = 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int first_byte(PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, &data, &len) != 0)
  // CHECK-NOTES-ERR: :[[@LINE-1]]:7: error: {{implicit declaration of function 'PyObject_AsReadBuffer' is invalid in C99|call to undeclared function 'PyObject_AsReadBuffer'; ISO C99 and later do not support implicit function declarations}} [clang-diagnostic-implicit-function-declaration]
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? *(const unsigned char *)data : 0;
}
// A `!= 0` test against 3.13 reads as usual.
// CHECK-FIXES:int first_byte(PyObject *obj) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) != 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? *(const unsigned char *)data : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
  // CHECK-NOTES-ERR: :[[@LINE-1]]:10: error: {{implicit declaration of function 'PyObject_CheckReadBuffer' is invalid in C99|call to undeclared function 'PyObject_CheckReadBuffer'; ISO C99 and later do not support implicit function declarations}} [clang-diagnostic-implicit-function-declaration]
  // CHECK-NOTES: :[[@LINE-2]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-3]]:10: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// PyObject_CheckReadBuffer becomes PyObject_CheckBuffer.
// CHECK-FIXES:int is_buffer(PyObject *obj) {
// CHECK-FIXES-NEXT:  return PyObject_CheckBuffer(obj);
// CHECK-FIXES-NEXT:}
