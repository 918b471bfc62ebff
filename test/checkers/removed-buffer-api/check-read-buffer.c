// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// PyObject_CheckReadBuffer becomes PyObject_CheckBuffer, wherever it is called.

#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// PyObject_CheckReadBuffer becomes PyObject_CheckBuffer in a return.
// CHECK-FIXES:int is_buffer(PyObject *obj) {
// CHECK-FIXES-NEXT:  return PyObject_CheckBuffer(obj);
// CHECK-FIXES-NEXT:}

int in_condition(PyObject *obj) {
  if (!PyObject_CheckReadBuffer(obj)) {
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
    PyErr_SetString(PyExc_TypeError, "expected a bytes-like object");
    return -1;
  }
  return 0;
}
// The same in a condition.
// CHECK-FIXES:int in_condition(PyObject *obj) {
// CHECK-FIXES-NEXT:  if (!PyObject_CheckBuffer(obj)) {
// CHECK-FIXES-NEXT:    PyErr_SetString(PyExc_TypeError, "expected a bytes-like object");
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int both(PyObject *a, PyObject *b) {
  return PyObject_CheckReadBuffer(a) && PyObject_CheckReadBuffer(b);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
  // CHECK-NOTES: :[[@LINE-3]]:41: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-4]]:41: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// Both calls of one expression are renamed.
// CHECK-FIXES:int both(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  return PyObject_CheckBuffer(a) && PyObject_CheckBuffer(b);
// CHECK-FIXES-NEXT:}
