// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.PreserveWriteBufferTypeError, value: true}]}" -- %py311
// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.PreserveWriteBufferTypeError, value: true}]}" -- %py313 -Wno-implicit-function-declaration

// PreserveWriteBufferTypeError: a failed PyObject_GetBuffer of a former
// PyObject_AsWriteBuffer raises the TypeError the old function raised. The
// read-only functions are not affected.

#include <Python.h>

int writable(PyObject *obj) {
  void *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the fix keeps the TypeError that PyObject_AsWriteBuffer raised for a read-only buffer
    return -1;
  if (len > 0)
    ((char *)buf)[0] = 'x';
  return 0;
}
// A failed writable call raises the old TypeError inside the test.
// CHECK-FIXES:int writable(PyObject *obj) {
// CHECK-FIXES-NEXT:  void *buf;
// CHECK-FIXES-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if ((PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0 ? (PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object"), -1) : 0) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  buf = buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-NEXT:  if (len > 0)
// CHECK-FIXES-NEXT:    ((char *)buf)[0] = 'x';
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int writable_ignored_status(PyObject *obj) {
  void *buf = NULL;
  Py_ssize_t len = 0;
  PyObject_AsWriteBuffer(obj, &buf, &len);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the fix keeps the TypeError that PyObject_AsWriteBuffer raised for a read-only buffer
  if (buf == NULL)
    return -1;
  ((char *)buf)[0] = (char)len;
  return 0;
}
// An ignored writable status raises the TypeError too.
// CHECK-FIXES:int writable_ignored_status(PyObject *obj) {
// CHECK-FIXES-NEXT:  void *buf = NULL;
// CHECK-FIXES-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:  if ((PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0 ? (PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object"), -1) : 0) == 0) {
// CHECK-FIXES-NEXT:    buf = buf_view.buf;
// CHECK-FIXES-NEXT:    len = buf_view.len;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  if (buf == NULL) {
// CHECK-FIXES-NEXT:    PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  ((char *)buf)[0] = (char)len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int readable(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
}
// A read-only call is not affected.
// CHECK-FIXES:int readable(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}
