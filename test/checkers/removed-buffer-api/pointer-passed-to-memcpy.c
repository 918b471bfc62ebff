// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Passing the pointer to a function whose body is not visible (memcpy) is a
// read, not an escape: the view is held across the call.

#include <Python.h>
#include <string.h>

int copy_out(PyObject *obj, char *out, size_t cap) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if ((size_t)len > cap)
    return -1;
  memcpy(out, data, (size_t)len);
  return 0;
}
// memcpy reads the pointer: the view is held across it.
// CHECK-FIXES:int copy_out(PyObject *obj, char *out, size_t cap) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  if ((size_t)len > cap) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if ((size_t)len > cap)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  memcpy(out, data, (size_t)len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}
