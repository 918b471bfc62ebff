// RUN: %check_pycapi -crlf -check-suffixes=,LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Throws of objects with destructors (an ExprWithCleanups around the throw);
// a throw whose operand reads the pointer is evaluated before the release.

#include <Python.h>
#include <stdexcept>
#include <string>

int throw_after_statement(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len > 0) {
    int c = data[0];
    throw std::runtime_error(c ? "nonzero" : "zero");
  }
  return 0;
}
// A throw with cleanups releases before it, like a return.
// CHECK-FIXES:int throw_after_statement(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (len > 0) {
// CHECK-FIXES-NEXT:    int c = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    throw std::runtime_error(c ? "nonzero" : "zero");
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int throw_reads_pointer(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len == 0)
    return 0;
  throw std::runtime_error(std::string(data, len));
}
// A thrown object that reads the pointer is built before the release.
// CHECK-FIXES:int throw_reads_pointer(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (len == 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (len == 0)
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  auto exception = std::runtime_error(std::string(data, len));
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  throw exception;
// CHECK-FIXES-IMM-NEXT:  throw std::runtime_error(std::string(data, len));
// CHECK-FIXES-NEXT:}

int throw_in_branch(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len > 0 && data[0] == '!')
    throw std::runtime_error(std::string(data + 1, len - 1));
  return (int)len;
}
// A throw in a branch that reads the pointer: built before the release.
// CHECK-FIXES:int throw_in_branch(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (len > 0 && data[0] == '!') {
// CHECK-FIXES-LIFE-NEXT:    auto exception = std::runtime_error(std::string(data + 1, len - 1));
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    throw exception;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  int result = (int)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  if (len > 0 && data[0] == '!')
// CHECK-FIXES-IMM-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES-IMM:  return (int)len;
// CHECK-FIXES-NEXT:}
