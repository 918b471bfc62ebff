// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// A call inside a macro definition or spelled by a macro gets a warning at
// the use and no fix; a call outside macros in the same file is fixed.
// 3.11 declares the removed functions deprecated: the calls left in place
// would fail the -Werror compile of the fixed file without
// -Wno-deprecated-declarations.

#include <Python.h>

#define GET_CHARS(o, p, n) PyObject_AsCharBuffer((o), (p), (n))
#define AS_CHAR PyObject_AsCharBuffer
#define IS_BUFFER(o) PyObject_CheckReadBuffer(o)

int whole_call_in_a_macro(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (GET_CHARS(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the call is inside a macro
    return -1;
  return len ? data[0] : 0;
}
// A call inside a macro definition: no fix.
// CHECK-FIXES:int whole_call_in_a_macro(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (GET_CHARS(obj, &data, &len) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int name_from_a_macro(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (AS_CHAR(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the call is inside a macro
    return -1;
  return len ? data[0] : 0;
}
// A call spelled by a macro: no fix.
// CHECK-FIXES:int name_from_a_macro(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (AS_CHAR(obj, &data, &len) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int check_in_a_macro(PyObject *obj) {
  return IS_BUFFER(obj);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no automatic fix: the call is inside a macro
}
// A check inside a macro: no fix.
// CHECK-FIXES:int check_in_a_macro(PyObject *obj) {
// CHECK-FIXES-NEXT:  return IS_BUFFER(obj);
// CHECK-FIXES-NEXT:}

#define OBJ(o) (o)

int macro_in_an_argument_only(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(OBJ(obj), &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// A macro only in an argument: the call is fixed.
// CHECK-FIXES:int macro_in_an_argument_only(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(OBJ(obj), &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}
