// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// The pointer gets a cast to its own type, except for void pointers, which
// convert implicitly.

#include <Python.h>

int mutable_char(PyObject *obj) {
  char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, (const char **)&data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// A `char *` pointer gets a `(char *)` cast.
// CHECK-FIXES:int mutable_char(PyObject *obj) {
// CHECK-FIXES-NEXT:  char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int unsigned_char(PyObject *obj) {
  unsigned char *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, (const void **)&data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// An `unsigned char *` pointer gets its own cast.
// CHECK-FIXES:int unsigned_char(PyObject *obj) {
// CHECK-FIXES-NEXT:  unsigned char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (unsigned char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int const_void(PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? *(const char *)data : 0;
}
// A `const void *` pointer converts without a cast.
// CHECK-FIXES:int const_void(PyObject *obj) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? *(const char *)data : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? *(const char *)data : 0;
// CHECK-FIXES-NEXT:}

int volatile_char(PyObject *obj) {
  volatile char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, (const char **)&data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// A `volatile char *` pointer keeps its qualifier in the cast.
// CHECK-FIXES:int volatile_char(PyObject *obj) {
// CHECK-FIXES-NEXT:  volatile char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (volatile char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

struct record;

int struct_pointer(PyObject *obj) {
  const struct record *rec;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, (const void **)&rec, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return rec != NULL && len > 0;
}
// A struct pointer gets a cast to its own type.
// CHECK-FIXES:int struct_pointer(PyObject *obj) {
// CHECK-FIXES-NEXT:  const struct record *rec;
// CHECK-FIXES-C-NEXT:  Py_buffer rec_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer rec_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &rec_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  rec = (const struct record *)rec_view.buf;
// CHECK-FIXES-NEXT:  len = rec_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = rec != NULL && len > 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&rec_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return rec != NULL && len > 0;
// CHECK-FIXES-NEXT:}
