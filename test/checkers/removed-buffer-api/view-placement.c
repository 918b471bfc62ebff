// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Where the view is declared: after the pointer's declaration, even when the
// call is in a nested block (the release then goes at the end of that
// block); at the top of the function when a case label could jump over it.

#include <Python.h>

int call_in_a_nested_block(PyObject *obj, int flag) {
  const char *data;
  Py_ssize_t len;
  int c = 0;
  if (flag) {
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    c = len ? data[0] : 0;
  }
  return c;
}
// The view follows the pointer; the nested block releases at its end.
// CHECK-FIXES:int call_in_a_nested_block(PyObject *obj, int flag) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  if (flag) {
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    c = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int pointer_with_an_initialiser_and_siblings(PyObject *obj) {
  const char *data = NULL, *end = NULL;
  Py_ssize_t len = 0;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  end = data + len;
  return end > data ? end[-1] : 0;
}
// The view follows a declaration with an initialiser and siblings.
// CHECK-FIXES:int pointer_with_an_initialiser_and_siblings(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data = NULL, *end = NULL;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  end = data + len;
// CHECK-FIXES-LIFE-NEXT:  int result = end > data ? end[-1] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return end > data ? end[-1] : 0;
// CHECK-FIXES-NEXT:}

int declared_under_a_case_label(PyObject *obj) {
  int r = 0;
  switch (PyLong_AsLong(obj)) {
  case 0:
    r = 1;
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    r = len ? data[0] : 0;
    break;
  case 1:
    r = 2;
    break;
  }
  return r;
}
// A case label could jump over the view: it goes to the top.
// CHECK-FIXES:int declared_under_a_case_label(PyObject *obj) {
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  int r = 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    r = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    break;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    r = 2;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    break;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int case_with_its_own_block(PyObject *obj) {
  switch (PyLong_AsLong(obj)) {
  case 0: {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    return len ? data[0] : 0;
  }
  case 1:
    return 1;
  }
  return 2;
}
// A case with its own block keeps the view in that block.
// CHECK-FIXES:int case_with_its_own_block(PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return len ? data[0] : 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
