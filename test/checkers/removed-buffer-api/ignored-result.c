// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// The status is ignored: the call becomes "if (PyObject_GetBuffer(...) == 0)"
// around the copies.

#include <Python.h>

int ignored(PyObject *obj) {
  const char *data = NULL;
  Py_ssize_t len = 0;
  PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (data == NULL)
    return -1;
  return len ? data[0] : 0;
}
// An ignored status: an `== 0` test around the copies.
// CHECK-FIXES:int ignored(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data = NULL;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  if (data == NULL) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (data == NULL)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

int cast_to_void(PyObject *obj) {
  const char *data = "";
  Py_ssize_t len = 0;
  (void)PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  PyErr_Clear();
  return len ? data[0] : 0;
}
// A status cast to void is ignored the same way.
// CHECK-FIXES:int cast_to_void(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data = "";
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  PyErr_Clear();
// CHECK-FIXES-LIFE-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

void in_a_nested_block(PyObject *obj, char *out) {
  if (obj != NULL) {
    const void *data = NULL;
    Py_ssize_t len = 0;
    PyObject_AsReadBuffer(obj, &data, &len);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len > 0)
      out[0] = *(const char *)data;
  }
}
// An ignored status in a nested block: that block releases.
// CHECK-FIXES:void in_a_nested_block(PyObject *obj, char *out) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const void *data = NULL;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:      data = data_view.buf;
// CHECK-FIXES-NEXT:      len = data_view.len;
// CHECK-FIXES-IMM-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:    if (len > 0)
// CHECK-FIXES-NEXT:      out[0] = *(const char *)data;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:}
