// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: g++ -O2 -Wall -Werror -c -o /dev/null %py311 %t.cpp
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Returns under case labels of a switch that reads the buffer: each case
// body that returns releases first, right after its case label (no braces:
// a case label may be followed by any statement); a break falls to the
// release before the final return. A return whose value reads the pointer
// needs a temporary, whose declaration does need a block of its own: before
// C23 a label cannot be followed by a declaration, and in C++ a later case
// label must not jump past its initialization.

#include <Python.h>

int switch_on_data(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  switch (len ? data[0] : 0) {
  case 'a':
    return 1;
  case 'b':
    break;
  default:
    return 0;
  }
  return 2;
}
// Each returning case body releases right after its case label.
// CHECK-FIXES:int switch_on_data(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  switch (len ? data[0] : 0) {
// CHECK-FIXES-NEXT:  case 'a':
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return 1;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  default:
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return 2;
// CHECK-FIXES-NEXT:}

int switch_returns_read_the_pointer(PyObject *obj, int mode) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  switch (mode) {
  case 0:
  case 1:
    return len > 0 ? data[0] : -1;
  case 2: return 2;
  default:
    break;
  }
  return 0;
}
// A case return that reads the pointer gets a block of its own.
// CHECK-FIXES:int switch_returns_read_the_pointer(PyObject *obj, int mode) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  switch (mode) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  case 1:
// CHECK-FIXES-LIFE-NEXT:    {
// CHECK-FIXES-LIFE-NEXT:      int result = len > 0 ? data[0] : -1;
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:      return result;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-LIFE-NEXT:  case 2: PyBuffer_Release(&data_view); return 2;
// CHECK-FIXES-IMM-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES-IMM:  case 2: return 2;
// CHECK-FIXES-NEXT:  default:
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}
