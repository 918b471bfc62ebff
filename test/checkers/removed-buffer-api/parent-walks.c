// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// The check walks up the AST inside the function of a call only, from a map
// of that function's parents, not of the whole translation unit. That map
// must list what the translation unit's lists: a type (the size of an array)
// is a node of its own there, where a walk stops; a reference to a removed
// function is a call only when it is a call's callee, parentheses aside.

#include <Python.h>
#include <string.h>

// The length sizes an array declared after the call: the walk from that use
// stops at the array's type, so the uses are not bounded.
int vla_after_call(PyObject *obj, char *out) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: 'data' outlives the view: its uses could not be bounded; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  char copy[len + 1];
  memcpy(copy, data, len);
  copy[len] = 0;
  return out[0] = copy[0];
}
// CHECK-FIXES:int vla_after_call(PyObject *obj, char *out) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  char copy[len + 1];

// The same for the array type of a sizeof.
int sizeof_array_type(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: 'data' outlives the view: its uses could not be bounded; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  int first = data[0];
  return first + (int)sizeof(char[len]);
}
// CHECK-FIXES:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  int first = data[0];

// A function after an inline one (the function found is the one entered
// last, not the one before it).
static inline int helper(int x) { return x + 1; }

int after_inline(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, (const void **)&data, &len))
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return helper(-2);
  return data[0] + (int)len;
}
// CHECK-FIXES:    return helper(-2);
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = data[0] + (int)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;

// A reference outside any function, then a call through parentheses.
int (*keep)(PyObject *, const char **, Py_ssize_t *) = PyObject_AsCharBuffer;
// CHECK-NOTES: :[[@LINE-1]]:56: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:56: note: no automatic fix: the function is referenced, not called
int through_parens(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (((PyObject_AsCharBuffer))(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return data[0] + PyObject_CheckReadBuffer(obj);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:20: note: rewritten by the fix of the call on line [[@LINE-5]]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// CHECK-FIXES:int through_parens(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  int result = data[0] + PyObject_CheckBuffer(obj);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
