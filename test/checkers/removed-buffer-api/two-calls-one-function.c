// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations

// All calls of a function are rewritten by one fix, attached to the first
// call's warning; each view is released on every exit after its acquisition.
// 3.11 declares the removed functions deprecated: the call left in place
// would fail the -Werror compile of the fixed file without
// -Wno-deprecated-declarations.

#include <Python.h>

int compare(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (PyObject_AsCharBuffer(b, &y, &ylen) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 20
    return -1;
  if (xlen != ylen)
    return 0;
  for (Py_ssize_t i = 0; i < xlen; i++)
    if (x[i] != y[i])
      return 0;
  return 1;
}
// Each view is released on every exit after its own acquisition.
// CHECK-FIXES:int compare(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *x;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t xlen;
// CHECK-FIXES-NEXT:  const char *y;
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:  xlen = x_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&x_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-IMM-NEXT:  if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:  ylen = y_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (xlen != ylen) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&x_view);
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&y_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-IMM-NEXT:  if (xlen != ylen)
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < xlen; i++)
// CHECK-FIXES-LIFE-NEXT:    if (x[i] != y[i]) {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&x_view);
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&y_view);
// CHECK-FIXES-IMM-NEXT:    if (x[i] != y[i])
// CHECK-FIXES-NEXT:      return 0;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  return 1;
// CHECK-FIXES-NEXT:}

int same_pointer_twice(PyObject *a, PyObject *b) {
  const char *data;
  Py_ssize_t len;
  int total = 0;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  total += len ? data[0] : 0;
  if (PyObject_AsCharBuffer(b, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 79
    return -1;
  total += len ? data[0] : 0;
  return total;
}
// A pointer filled twice gets a second view; each is released.
// CHECK-FIXES:int same_pointer_twice(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-C-NEXT:  Py_buffer data_view2 = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view2 = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int total = 0;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  total += len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  if (PyObject_GetBuffer(b, &data_view2, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (PyObject_GetBuffer(b, &data_view2, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  data = (const char *)data_view2.buf;
// CHECK-FIXES-NEXT:  len = data_view2.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view2);
// CHECK-FIXES-NEXT:  total += len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view2);
// CHECK-FIXES-NEXT:  return total;
// CHECK-FIXES-NEXT:}

int copy_into(PyObject *src, PyObject *dst) {
  const char *from;
  Py_ssize_t from_len;
  void *to;
  Py_ssize_t to_len;
  if (PyObject_AsCharBuffer(src, &from, &from_len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (PyObject_AsWriteBuffer(dst, &to, &to_len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 124
  // CHECK-NOTES: :[[@LINE-3]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  if (to_len < from_len)
    return -1;
  for (Py_ssize_t i = 0; i < from_len; i++)
    ((char *)to)[i] = from[i];
  return 0;
}
// Two views, released on every exit after each acquisition.
// CHECK-FIXES:int copy_into(PyObject *src, PyObject *dst) {
// CHECK-FIXES-NEXT:  const char *from;
// CHECK-FIXES-C-NEXT:  Py_buffer from_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer from_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t from_len;
// CHECK-FIXES-NEXT:  void *to;
// CHECK-FIXES-C-NEXT:  Py_buffer to_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer to_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t to_len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(src, &from_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  from = (const char *)from_view.buf;
// CHECK-FIXES-NEXT:  from_len = from_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (PyObject_GetBuffer(dst, &to_view, PyBUF_WRITABLE) < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&from_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&from_view);
// CHECK-FIXES-IMM-NEXT:  if (PyObject_GetBuffer(dst, &to_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  to = to_view.buf;
// CHECK-FIXES-NEXT:  to_len = to_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (to_len < from_len) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&from_view);
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&to_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&to_view);
// CHECK-FIXES-IMM-NEXT:  if (to_len < from_len)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < from_len; i++)
// CHECK-FIXES-NEXT:    ((char *)to)[i] = from[i];
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&from_view);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&to_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int one_fixed_one_not(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  int r = PyObject_AsCharBuffer(b, &y, &ylen) == 0;
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no automatic fix: the status is used in a way this check cannot follow
  return r && xlen && ylen ? x[0] + y[0] : 0;
}
// A call left as written: only the fixed call gets a view.
// CHECK-FIXES:int one_fixed_one_not(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *x;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t xlen;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  Py_ssize_t ylen;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:  xlen = x_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  int r = PyObject_AsCharBuffer(b, &y, &ylen) == 0;
// CHECK-FIXES-LIFE-NEXT:  int result = r && xlen && ylen ? x[0] + y[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return r && xlen && ylen ? x[0] + y[0] : 0;
// CHECK-FIXES-NEXT:}
