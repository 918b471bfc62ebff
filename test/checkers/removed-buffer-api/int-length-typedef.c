// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A length that is not a Py_ssize_t gets a cast; so does one behind a typedef.

#include <Python.h>

typedef int my_len_t;

int int_length(PyObject *obj) {
  const char *data;
  int len;
  if (PyObject_AsCharBuffer(obj, &data, (Py_ssize_t *)&len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len > 0 ? data[0] : 0;
}
// An int length gets a cast from the view's length.
// CHECK-FIXES:int int_length(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  int len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = (int)data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int typedef_length(PyObject *obj) {
  const char *data;
  my_len_t len;
  if (PyObject_AsCharBuffer(obj, &data, (Py_ssize_t *)&len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len > 0 ? data[0] : 0;
}
// A typedef'd length gets a cast to the typedef.
// CHECK-FIXES:int typedef_length(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  my_len_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = (my_len_t)data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int size_t_length(PyObject *obj) {
  const unsigned char *data;
  size_t len;
  if (PyObject_AsReadBuffer(obj, (const void **)&data, (Py_ssize_t *)&len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len > 0 ? data[0] : 0;
}
// A size_t length gets a cast.
// CHECK-FIXES:int size_t_length(PyObject *obj) {
// CHECK-FIXES-NEXT:  const unsigned char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  size_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const unsigned char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = (size_t)data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:}

typedef Py_ssize_t length_t;

int py_ssize_t_typedef_length(PyObject *obj) {
  const char *data;
  length_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len > 0 ? data[0] : 0;
}
// A typedef of Py_ssize_t gets a cast to the typedef too.
// CHECK-FIXES:int py_ssize_t_typedef_length(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  length_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = (length_t)data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len > 0 ? data[0] : 0;
// CHECK-FIXES-NEXT:}
