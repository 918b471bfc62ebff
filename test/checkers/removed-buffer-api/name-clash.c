// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// The view and the return temporary get fresh names: a name spelled anywhere
// in the function (a local, a global it uses) is not reused.

#include <Python.h>

int data_view;

int global_named_like_the_view(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] + data_view : 0;
}
// A global named like the view: the view becomes data_view2.
// CHECK-FIXES:int global_named_like_the_view(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view2 = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view2 = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view2, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view2.buf;
// CHECK-FIXES-NEXT:  len = data_view2.len;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] + data_view : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view2);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] + data_view : 0;
// CHECK-FIXES-NEXT:}

int locals_named_like_the_view_and_the_temporary(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int data_view2 = 1;
  int result = 2;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len == 0)
    return result;
  return data[0] + data_view + data_view2;
}
// Locals named like the view and temporary: both get fresh names.
// CHECK-FIXES:int locals_named_like_the_view_and_the_temporary(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view3 = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view3 = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int data_view2 = 1;
// CHECK-FIXES-NEXT:  int result = 2;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view3, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view3.buf;
// CHECK-FIXES-NEXT:  len = data_view3.len;
// CHECK-FIXES-LIFE-NEXT:  if (len == 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view3);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view3);
// CHECK-FIXES-IMM-NEXT:  if (len == 0)
// CHECK-FIXES-NEXT:    return result;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  int result2 = data[0] + data_view + data_view2;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view3);
// CHECK-FIXES-LIFE-NEXT:  return result2;
// CHECK-FIXES-IMM-NEXT:  return data[0] + data_view + data_view2;
// CHECK-FIXES-NEXT:}

int two_pointers_with_the_same_name_in_two_blocks(PyObject *a, PyObject *b) {
  int total = 0;
  {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(a, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    total += len ? data[0] : 0;
  }
  {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(b, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES: :[[@LINE-2]]:9: note: rewritten by the fix of the call on line 79
      return -1;
    total += len ? data[0] : 0;
  }
  return total;
}
// Same pointer name in two blocks: the second view is data_view2.
// CHECK-FIXES:int two_pointers_with_the_same_name_in_two_blocks(PyObject *a, PyObject *b) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    total += len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view2 = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view2 = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(b, &data_view2, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view2.buf;
// CHECK-FIXES-NEXT:    len = data_view2.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view2);
// CHECK-FIXES-NEXT:    total += len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view2);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
