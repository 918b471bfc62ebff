// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A labelled return that reads the pointer: before C23 a label cannot be
// followed by a declaration, so the temporary gets a block of its own.

#include <Python.h>

int labelled_return_reads_pointer(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len > 1)
    goto done;
  len = 1;
done:
  return data[len - 1];
}
// The temporary after a label gets a block of its own.
// CHECK-FIXES:int labelled_return_reads_pointer(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (len > 1)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:done:
// CHECK-FIXES-LIFE-NEXT:  {
// CHECK-FIXES-LIFE-NEXT:    int result = data[len - 1];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-IMM-NEXT:  return data[len - 1];
// CHECK-FIXES-NEXT:}

int labelled_return_same_line(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (len > 1)
    goto done;
  len = 1;
done: return data[len - 1];
}
// A label and return on one line get the block on that line.
// CHECK-FIXES:int labelled_return_same_line(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (len > 1)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  len = 1;
// CHECK-FIXES-LIFE-NEXT:done: { int result = data[len - 1]; PyBuffer_Release(&data_view); return result; }
// CHECK-FIXES-IMM-NEXT:done: return data[len - 1];
// CHECK-FIXES-NEXT:}
