// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Status tests whose truth means failure: the copies go right after the if
// (or at the start of its else), the release before every later exit.

#include <Python.h>

PyObject *less_than_zero(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  }
  PyObject *bytes = PyBytes_FromStringAndSize(data, len);
  return bytes;
}
// `< 0` with a braced failure branch: the copies follow the if.
// CHECK-FIXES:PyObject *less_than_zero(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  PyObject *bytes = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return bytes;
// CHECK-FIXES-NEXT:}

long minus_one_on_the_left(PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  if (-1 == PyObject_AsReadBuffer(obj, &data, &len))
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len > 0 ? *(const char *)data : 0;
}
// `-1 ==` written the other way round reads the same.
// CHECK-FIXES:long minus_one_on_the_left(PyObject *obj) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (-1 == PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE))
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  long result = len > 0 ? *(const char *)data : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len > 0 ? *(const char *)data : 0;
// CHECK-FIXES-NEXT:}

int not_zero_with_else(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) != 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  } else {
    if (len > 0 && data[0] == 'x')
      return 1;
  }
  return 0;
}
// `!= 0` with an else: the copies start the else branch.
// CHECK-FIXES:int not_zero_with_else(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) != 0) {
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  } else {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    if (len > 0 && data[0] == 'x') {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (len > 0 && data[0] == 'x')
// CHECK-FIXES-NEXT:      return 1;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int bare_status(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len))
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  int c = len ? data[0] : 0;
  return c;
}
// A bare status is the failure: the copies follow the if.
// CHECK-FIXES:int bare_status(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE))
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  int c = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return c;
// CHECK-FIXES-NEXT:}

int equals_minus_one(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == -1)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  else
    return len ? data[len - 1] : 0;
}
// `== -1` with an unbraced else: the copies start the else.
// CHECK-FIXES:int equals_minus_one(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == -1)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  else {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    int result = len ? data[len - 1] : 0;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return len ? data[len - 1] : 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:}
