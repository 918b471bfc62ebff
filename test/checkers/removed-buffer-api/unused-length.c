// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A length that nothing but the removed call touches gets no copy, and its
// declaration goes (it would be set but never read); a length that is read
// keeps both.

#include <Python.h>

int length_never_read(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return data[0];
}
// A length never read gets no copy and its declaration goes.
// CHECK-FIXES:int length_never_read(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-LIFE-NEXT:  int result = data[0];
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return data[0];
// CHECK-FIXES-NEXT:}

int length_shared_by_two_calls(PyObject *a, PyObject *b) {
  const char *x;
  const char *y;
  Py_ssize_t ignored;
  if (PyObject_AsCharBuffer(a, &x, &ignored) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (PyObject_AsCharBuffer(b, &y, &ignored) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 39
    return -1;
  return x[0] == y[0];
}
// A length shared by two calls and never read goes too.
// CHECK-FIXES:int length_shared_by_two_calls(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *x;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  x = (const char *)x_view.buf;
// CHECK-FIXES-LIFE-NEXT:  if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&x_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-IMM-NEXT:  if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-LIFE-NEXT:  int result = x[0] == y[0];
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return x[0] == y[0];
// CHECK-FIXES-NEXT:}

int length_read_once(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  (void)len;
  return data[0];
}
// A length that is read keeps its declaration and its copy.
// CHECK-FIXES:int length_read_once(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  (void)len;
// CHECK-FIXES-LIFE-NEXT:  int result = data[0];
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return data[0];
// CHECK-FIXES-NEXT:}
