// RUN: %check_pycapi -check-suffixes=,C %s pycapi-removed-buffer-api %t -- -- %py311

// A statement ends at its ';', also when a comment stands before it: a
// rewritten return takes the comment with it, and a release goes after the
// ';' on the next line, not between the statement and its ';'.

#include <Python.h>

PyObject *to_bytes(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  return PyBytes_FromStringAndSize(data, len) /* the copy */ ;
}
// The rewritten return ends at the ';': the comment before it goes with the
// old return's text.
// CHECK-FIXES:PyObject *to_bytes(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  PyObject *result = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

int first_byte(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int c;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  c = data[0] // the first byte
      ;
  return c;
}
// The release goes after the ';' on its own line, not before it.
// CHECK-FIXES:int first_byte(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  int c;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  c = data[0] // the first byte
// CHECK-FIXES-NEXT:      ;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return c;
// CHECK-FIXES-NEXT:}
