// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A pointer stored in a struct member outlives any local region: the view is
// released right after the copy (as the removed function did), with a note.

#include <Python.h>

struct holder {
  const char *data;
  Py_ssize_t len;
};

int copied_into_a_member(PyObject *obj, struct holder *h) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  h->data = data;
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:3: note: 'data' outlives the view: it is stored in 'h->data' here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  h->len = len;
  return 0;
}
// A pointer stored in a member: the release right after the copies.
// CHECK-FIXES:int copied_into_a_member(PyObject *obj, struct holder *h) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  h->data = data;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int member_as_out_argument(PyObject *obj, struct holder *h) {
  if (PyObject_AsCharBuffer(obj, &h->data, &h->len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:34: note: 'h->data' outlives the view: the pointer is stored in 'h->data'; the view is released right after the copy, as the removed function did, so 'h->data' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  return 0;
}
// A member as the out-argument: the release right after the copies.
// CHECK-FIXES:int member_as_out_argument(PyObject *obj, struct holder *h) {
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  h->data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  h->len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

static const char *last_data;

int stored_in_a_global(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  last_data = data;
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:15: note: 'data' outlives the view: it is stored in 'last_data' here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  return (int)len;
}
// A pointer stored in a global: the release right after the copies.
// CHECK-FIXES:int stored_in_a_global(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  last_data = data;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int global_as_out_argument(PyObject *obj) {
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &last_data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:34: note: 'last_data' outlives the view: the pointer is stored in 'last_data'; the view is released right after the copy, as the removed function did, so 'last_data' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  return (int)len;
}
// A global as the out-argument: the release right after the copies.
// CHECK-FIXES:int global_as_out_argument(PyObject *obj) {
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-C-NEXT:  Py_buffer last_data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer last_data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &last_data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  last_data = (const char *)last_data_view.buf;
// CHECK-FIXES-NEXT:  len = last_data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&last_data_view);
// CHECK-FIXES-NEXT:  return (int)len;
// CHECK-FIXES-NEXT:}

int stored_through_an_alias(PyObject *obj, struct holder *h) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  const char *alias = data + 1;
  h->data = alias;
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:3: note: 'data' outlives the view: it is stored in 'h->data' here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  return (int)len;
}
// Stored through an alias: the release right after the copies.
// CHECK-FIXES:int stored_through_an_alias(PyObject *obj, struct holder *h) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  const char *alias = data + 1;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
