// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A break or continue that stays inside the holding block needs no release;
// one that leaves it (out of a switch case block) does, as does a return
// from inside a loop.

#include <Python.h>

long sum_until_nul(PyObject *obj) {
  long total = 0;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  for (Py_ssize_t i = 0; i < len; i++) {
    if (data[i] == ' ')
      continue;
    if (data[i] == 0)
      break;
    if (data[i] == '!')
      return -2;
    total += data[i];
  }
  return total;
}
// A break inside the loop needs no release; a return in it does.
// CHECK-FIXES:long sum_until_nul(PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < len; i++) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:      break;
// CHECK-FIXES-LIFE-NEXT:    if (data[i] == '!') {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (data[i] == '!')
// CHECK-FIXES-NEXT:      return -2;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-NEXT:    total += data[i];
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return total;
// CHECK-FIXES-NEXT:}

long count_in_while(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  long n = 0;
  Py_ssize_t i = 0;
  while (i < len) {
    if (data[i++] != 'a')
      continue;
    n++;
  }
  return n;
}
// A continue inside the holding block needs no release.
// CHECK-FIXES:long count_in_while(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  long n = 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return n;
// CHECK-FIXES-NEXT:}

long break_out_of_switch_case(PyObject *obj) {
  long total = 0;
  switch (PyLong_AsLong(obj)) {
  case 1: {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    if (len == 0)
      break;
    total = data[0];
    break;
  }
  default:
    total = 7;
  }
  return total;
}
// A break out of a case block releases; so does the case's end.
// CHECK-FIXES:long break_out_of_switch_case(PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    if (len == 0) {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (len == 0)
// CHECK-FIXES-NEXT:      break;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-NEXT:    total = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    break;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
