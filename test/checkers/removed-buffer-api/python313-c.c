// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- -I%inputs/python313 -Wno-implicit-function-declaration
// The fixed file compiles against 3.13 with implicit declarations as errors:
// RUN: %clang -fsyntax-only -Wall -Werror -x c -I%inputs/python313 %t.c

// C compiled against the 3.13 headers: the removed functions are implicitly
// declared (a warning with clang 14, silenced here); the calls are found and
// rewritten all the same, and the fixed file needs none of them.

#include <Python.h>

PyObject *to_bytes(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  return PyBytes_FromStringAndSize(data, len);
}
// CHECK-FIXES: {{^}}PyObject *to_bytes(PyObject *obj) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  const char *data;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_buffer data_view = {0};{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_ssize_t len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0){{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}    return NULL;{{$}}
// CHECK-FIXES-NEXT: {{^}}  data = (const char *)data_view.buf;{{$}}
// CHECK-FIXES-NEXT: {{^}}  len = data_view.len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  PyObject *result = PyBytes_FromStringAndSize(data, len);{{$}}
// CHECK-FIXES-NEXT: {{^}}  PyBuffer_Release(&data_view);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return result;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

int clear_first(PyObject *obj) {
  void *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  if (len)
    *(char *)buf = 0;
  return 0;
}
// CHECK-FIXES: {{^}}int clear_first(PyObject *obj) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  void *buf;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_buffer buf_view = {0};{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_ssize_t len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0){{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}    return -1;{{$}}
// CHECK-FIXES-NEXT: {{^}}  buf = buf_view.buf;{{$}}
// CHECK-FIXES-NEXT: {{^}}  len = buf_view.len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (len){{$}}
// CHECK-FIXES-NEXT: {{^}}    *(char *)buf = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  PyBuffer_Release(&buf_view);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

int first_byte(PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, &data, &len) != 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? *(const unsigned char *)data : 0;
}
// CHECK-FIXES: {{^}}int first_byte(PyObject *obj) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  const void *data;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_buffer data_view = {0};{{$}}
// CHECK-FIXES-NEXT: {{^}}  Py_ssize_t len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) != 0){{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}    return -1;{{$}}
// CHECK-FIXES-NEXT: {{^}}  data = data_view.buf;{{$}}
// CHECK-FIXES-NEXT: {{^}}  len = data_view.len;{{$}}
// CHECK-FIXES-NEXT: {{^}}  int result = len ? *(const unsigned char *)data : 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  PyBuffer_Release(&data_view);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return result;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
}
// CHECK-FIXES: {{^}}int is_buffer(PyObject *obj) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  return PyObject_CheckBuffer(obj);{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
