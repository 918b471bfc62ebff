// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Local shapes: a success test in an else-if; a by-value parameter as the
// pointer (a local like any other: the view goes to the top of the body); a
// pointer named with a trailing underscore (no reserved "data__view"); new
// names that a macro defined outside the function already takes.

#include <Python.h>

#define result_view 0
#define result 1

int else_if_success(PyObject *a, int mode) {
  const char *data;
  Py_ssize_t len;
  if (mode == 0)
    return 0;
  else if (PyObject_AsCharBuffer(a, &data, &len) == 0)
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return data[0];
  return -1;
}
// A success test in an else-if: the copies start its branch.
// CHECK-FIXES:int else_if_success(PyObject *a, int mode) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (mode == 0)
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  else if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-LIFE-NEXT:    int result2 = data[0];
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result2;
// CHECK-FIXES-IMM-NEXT:    return data[0];
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return -1;
// CHECK-FIXES-NEXT:}

int parameter_pointer(PyObject *a, const char *data) {
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return data[0] + (int)len;
}
// A by-value parameter as the pointer: the view goes to the top.
// CHECK-FIXES:int parameter_pointer(PyObject *a, const char *data) {
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result2 = data[0] + (int)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result2;
// CHECK-FIXES-IMM-NEXT:  return data[0] + (int)len;
// CHECK-FIXES-NEXT:}

int reserved_name(PyObject *a) {
  const char *data_;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data_, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return data_[0] + (int)len;
}
// A trailing underscore: the view is data_view, not data__view.
// CHECK-FIXES:int reserved_name(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data_;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data_ = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result2 = data_[0] + (int)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result2;
// CHECK-FIXES-IMM-NEXT:  return data_[0] + (int)len;
// CHECK-FIXES-NEXT:}

int macro_names(PyObject *a) {
  const char *result_;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &result_, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return result_[0] + (int)len;
}
// Names a macro already takes are not reused: result_view2, result2.
// CHECK-FIXES:int macro_names(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *result_;
// CHECK-FIXES-C-NEXT:  Py_buffer result_view2 = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer result_view2 = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &result_view2, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  result_ = (const char *)result_view2.buf;
// CHECK-FIXES-NEXT:  len = result_view2.len;
// CHECK-FIXES-LIFE-NEXT:  int result2 = result_[0] + (int)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&result_view2);
// CHECK-FIXES-LIFE-NEXT:  return result2;
// CHECK-FIXES-IMM-NEXT:  return result_[0] + (int)len;
// CHECK-FIXES-NEXT:}
