// RUN: %check_pycapi -check-suffixes=,LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A lambda that captures the pointer may run at any later time: the view is
// released right after the copy, as before, with a note. The length alone
// may be captured.

#include <Python.h>

int captured_by_reference(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE+2]]:16: note: 'data' outlives the view: it is captured by a lambda here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'a' keeps its buffer unchanged: review this use
    return -1;
  auto first = [&]() { return data[0]; };
  return len ? first() : 0;
}
// A lambda capturing the pointer: the release right after.
// CHECK-FIXES:int captured_by_reference(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  auto first = [&]() { return data[0]; };
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int captured_before_call(PyObject *a) {
  const char *data = nullptr;
  Py_ssize_t len;
  auto first = [&data]() { return data[0]; };
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-3]]:16: note: 'data' outlives the view: it is captured by a lambda here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'a' keeps its buffer unchanged: review this use
    return -1;
  return len ? first() : 0;
}
// A lambda made before the call: the release right after too.
// CHECK-FIXES:int captured_before_call(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data = nullptr;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  auto first = [&data]() { return data[0]; };
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return len ? first() : 0;
// CHECK-FIXES-NEXT:}

int length_only_in_lambda(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  auto size = [len]() { return (int)len; };
  return data[0] + size();
}
// A lambda capturing only the length: held to the last use.
// CHECK-FIXES:int length_only_in_lambda(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  auto size = [len]() { return (int)len; };
// CHECK-FIXES-LIFE-NEXT:  int result = data[0] + size();
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return data[0] + size();
// CHECK-FIXES-NEXT:}
