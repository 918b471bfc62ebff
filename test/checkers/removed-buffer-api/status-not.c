// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Status tests whose truth means success: the copies open the then-branch,
// which holds the view.

#include <Python.h>

int negated(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int c = 0;
  if (!PyObject_AsCharBuffer(obj, &data, &len)) {
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    c = len ? data[0] : 0;
  }
  return c;
}
// `!call` opens the success branch: the copies start it.
// CHECK-FIXES:int negated(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int c = 0;
// CHECK-FIXES-NEXT:  if (!PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE)) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    c = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int equals_zero_with_else(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len)
      return data[0];
  } else {
    return -1;
  }
  return 0;
}
// `== 0` with an else: the copies start the then-branch.
// CHECK-FIXES:int equals_zero_with_else(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    if (len) {
// CHECK-FIXES-LIFE-NEXT:      int result = data[0];
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:      return result;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (len)
// CHECK-FIXES-IMM-NEXT:      return data[0];
// CHECK-FIXES-NEXT:  } else {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int greater_or_equal_zero(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) >= 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return len ? data[0] : 0;
  return -1;
}
// `>= 0` opens the success branch, which holds the view.
// CHECK-FIXES:int greater_or_equal_zero(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) >= 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return len ? data[0] : 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return -1;
// CHECK-FIXES-NEXT:}

int zero_on_the_left(PyObject *obj, char *out) {
  const char *data;
  Py_ssize_t len;
  if (0 == PyObject_AsCharBuffer(obj, &data, &len)) {
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len > 0)
      out[0] = data[0];
    return 0;
  }
  return -1;
}
// `0 ==` written the other way round reads the same.
// CHECK-FIXES:int zero_on_the_left(PyObject *obj, char *out) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (0 == PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE)) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len > 0)
// CHECK-FIXES-NEXT:      out[0] = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
