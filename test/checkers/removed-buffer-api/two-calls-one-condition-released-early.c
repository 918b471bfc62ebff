// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Two acquisitions in one condition where a view is released right after
// its copies (Immediate, or an escaping pointer): the failure path releases
// it too.

#include <Python.h>

struct holder { const char *p; Py_ssize_t n; };

int first_escapes(PyObject *a, PyObject *b, struct holder *h) {
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &h->p, &h->n) < 0 ||
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:32: note: 'h->p' outlives the view: the pointer is stored in 'h->p'; the view is released right after the copy, as the removed function did, so 'h->p' is only valid while 'a' keeps its buffer unchanged: review this use
      PyObject_AsCharBuffer(b, &y, &ylen) < 0)
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 18
    return -1;
  return (int)ylen + y[0];
}
// The `||` failure branch releases both views; the escaping one early.
// CHECK-FIXES:int first_escapes(PyObject *a, PyObject *b, struct holder *h) {
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &p_view, PyBUF_SIMPLE) < 0 ||
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-NEXT:    PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  h->p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:  h->n = p_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:  ylen = y_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = (int)ylen + y[0];
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return (int)ylen + y[0];
// CHECK-FIXES-NEXT:}

int first_escapes_and(PyObject *a, PyObject *b, struct holder *h) {
  const char *y;
  Py_ssize_t ylen;
  int r = -1;
  if (PyObject_AsCharBuffer(a, &h->p, &h->n) == 0 &&
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:32: note: 'h->p' outlives the view: the pointer is stored in 'h->p'; the view is released right after the copy, as the removed function did, so 'h->p' is only valid while 'a' keeps its buffer unchanged: review this use
      PyObject_AsCharBuffer(b, &y, &ylen) == 0) {
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 56
    r = (int)ylen + y[0];
  }
  return r;
}
// The escaping view is released after its copies and after the if.
// CHECK-FIXES:int first_escapes_and(PyObject *a, PyObject *b, struct holder *h) {
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  int r = -1;
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &p_view, PyBUF_SIMPLE) == 0 &&
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    h->p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:    h->n = p_view.len;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:    y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:    ylen = y_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:    r = (int)ylen + y[0];
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  return r;
// CHECK-FIXES-NEXT:}

int first_escapes_else(PyObject *a, PyObject *b, struct holder *h) {
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &h->p, &h->n) == 0 &&
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:32: note: 'h->p' outlives the view: the pointer is stored in 'h->p'; the view is released right after the copy, as the removed function did, so 'h->p' is only valid while 'a' keeps its buffer unchanged: review this use
      PyObject_AsCharBuffer(b, &y, &ylen) == 0) {
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 93
    return (int)ylen + y[0];
  } else {
    PyErr_Clear();
  }
  return -1;
}
// The else of the `&&` test releases the early view too.
// CHECK-FIXES:int first_escapes_else(PyObject *a, PyObject *b, struct holder *h) {
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &p_view, PyBUF_SIMPLE) == 0 &&
// CHECK-FIXES-NEXT:      PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    h->p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:    h->n = p_view.len;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:    y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:    ylen = y_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:    int result = (int)ylen + y[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return (int)ylen + y[0];
// CHECK-FIXES-NEXT:  } else {
// CHECK-FIXES-NEXT:    PyBuffer_Release(&p_view);
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:    PyErr_Clear();
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  return -1;
// CHECK-FIXES-NEXT:}
