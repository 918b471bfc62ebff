// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// The status is stored in a local and tested next: the test stays as
// written and the copies go right after it (its failure branch leaves), with
// no release where the call failed. Every comparison form, tests a few
// statements later, and the fallback when something between the store and
// the test reads the pointer are in stored-status-tested-later.c.

#include <Python.h>

int initialised_status(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc < 0)
    return -1;
  return len ? data[0] : 0;
}
// A status initialised by the call: the copies follow its test.
// CHECK-FIXES:int initialised_status(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int assigned_status(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc;
  rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc != 0) {
    PyErr_Clear();
    return 0;
  }
  int c = len ? data[0] : 0;
  return c;
}
// A status assigned by the call: the braced failure branch stays.
// CHECK-FIXES:int assigned_status(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc;
// CHECK-FIXES-NEXT:  rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc != 0) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  }
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  int c = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return c;
// CHECK-FIXES-NEXT:}

int assigned_inside_the_test(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc;
  if ((rc = PyObject_AsCharBuffer(obj, &data, &len)) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return rc;
  return len ? data[0] : 0;
}
// A status assigned inside the test: the copies follow it.
// CHECK-FIXES:int assigned_inside_the_test(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc;
// CHECK-FIXES-NEXT:  if ((rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE)) < 0)
// CHECK-FIXES-NEXT:    return rc;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}
