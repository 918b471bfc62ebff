// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A pointer passed out through an out-parameter, or whose address is taken,
// outlives the function: the view is released right after the copy.

#include <Python.h>

int out_parameters(PyObject *obj, const char **out, Py_ssize_t *outlen) {
  if (PyObject_AsCharBuffer(obj, out, outlen) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:34: note: '*out' outlives the view: the pointer is passed out through 'out'; the view is released right after the copy, as the removed function did, so '*out' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  return 0;
}
// Out-parameters as the out-arguments: the release right after.
// CHECK-FIXES:int out_parameters(PyObject *obj, const char **out, Py_ssize_t *outlen) {
// CHECK-FIXES-C-NEXT:  Py_buffer out_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer out_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &out_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  *out = (const char *)out_view.buf;
// CHECK-FIXES-NEXT:  *outlen = out_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&out_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int parenthesised_out_parameter(PyObject *obj, const void **out) {
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, (out), &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:34: note: '*out' outlives the view: the pointer is passed out through 'out'; the view is released right after the copy, as the removed function did, so '*out' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  return (int)len;
}
// A parenthesised out-parameter: the release right after.
// CHECK-FIXES:int parenthesised_out_parameter(PyObject *obj, const void **out) {
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-C-NEXT:  Py_buffer out_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer out_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &out_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  *out = out_view.buf;
// CHECK-FIXES-NEXT:  len = out_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&out_view);
// CHECK-FIXES-NEXT:  return (int)len;
// CHECK-FIXES-NEXT:}

int copied_to_an_out_parameter(PyObject *obj, const char **out) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  *out = data;
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:3: note: 'data' outlives the view: it is stored in '*out' here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  return (int)len;
}
// Copied to an out-parameter: the release right after the call.
// CHECK-FIXES:int copied_to_an_out_parameter(PyObject *obj, const char **out) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  *out = data;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int address_taken(PyObject *obj, const char ***pp) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  *pp = &data;
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:10: note: 'data' outlives the view: its address is taken here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  return (int)len;
}
// The pointer's address taken: the release right after the call.
// CHECK-FIXES:int address_taken(PyObject *obj, const char ***pp) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  *pp = &data;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
