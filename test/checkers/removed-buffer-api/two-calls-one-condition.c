// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -crlf -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations

// Two acquisitions tested in one condition. When the second fails, the first
// may hold its view: the failure path releases both (releasing a view that
// was never filled does nothing). A test of something else between them
// would run with the first view held and the pointer not yet set: no fix.
// 3.11 declares the removed functions deprecated: the calls left in place
// would fail the -Werror compile of the fixed file without
// -Wno-deprecated-declarations.

#include <Python.h>

int both_or(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0 ||
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      PyObject_AsCharBuffer(b, &y, &ylen) < 0)
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 22
    return -1;
  return (int)(xlen + ylen) + x[0] + y[0];
}
// `||` of two calls: the failure branch gets braces and releases both.
// CHECK-FIXES:int both_or(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *x;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t xlen;
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0 ||
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-NEXT:    PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:  xlen = x_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:  ylen = y_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = (int)(xlen + ylen) + x[0] + y[0];
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return (int)(xlen + ylen) + x[0] + y[0];
// CHECK-FIXES-NEXT:}

int both_and(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  int r = -1;
  if (PyObject_AsCharBuffer(a, &x, &xlen) == 0 &&
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      PyObject_AsCharBuffer(b, &y, &ylen) == 0) {
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 64
    r = (int)(xlen + ylen) + x[0] + y[0];
  }
  return r;
}
// `&&` of two calls: both views released after the if.
// CHECK-FIXES:int both_and(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *x;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t xlen;
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  int r = -1;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) == 0 &&
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:    xlen = x_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:    y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:    ylen = y_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:    r = (int)(xlen + ylen) + x[0] + y[0];
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  return r;
// CHECK-FIXES-NEXT:}

int other_between(PyObject *a, PyObject *b, int flag) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0 || flag ||
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: another test follows the call in the same condition
      PyObject_AsCharBuffer(b, &y, &ylen) < 0)
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return (int)(xlen + ylen) + x[0] + y[0];
}
// Another test between the calls: only the second call is fixed.
// CHECK-FIXES:int other_between(PyObject *a, PyObject *b, int flag) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0 || flag ||
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:  ylen = y_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = (int)(xlen + ylen) + x[0] + y[0];
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return (int)(xlen + ylen) + x[0] + y[0];
// CHECK-FIXES-NEXT:}
