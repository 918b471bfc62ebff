// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311

// A parenthesised callee, "(PyObject_AsCharBuffer)(...)" (used to bypass a
// function-like macro of the same name), is a call like any other.

#include <Python.h>

int check(PyObject *obj) {
  return (PyObject_CheckReadBuffer)(obj);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// A parenthesised callee is renamed inside its parentheses.
// CHECK-FIXES:int check(PyObject *obj) {
// CHECK-FIXES-NEXT:  return (PyObject_CheckBuffer)(obj);
// CHECK-FIXES-NEXT:}

int first_byte(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if ((PyObject_AsCharBuffer)(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// A parenthesised As*Buffer callee is rewritten like any call.
// CHECK-FIXES:int first_byte(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}
