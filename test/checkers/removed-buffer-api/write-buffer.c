// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// PyObject_AsWriteBuffer asks for PyBUF_WRITABLE, and a note says that a
// read-only buffer now raises BufferError instead of TypeError.

#include <Python.h>

int void_pointer(PyObject *obj) {
  void *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  if (len > 0)
    ((char *)buf)[0] = 'x';
  return 0;
}
// PyObject_AsWriteBuffer asks for PyBUF_WRITABLE.
// CHECK-FIXES:int void_pointer(PyObject *obj) {
// CHECK-FIXES-NEXT:  void *buf;
// CHECK-FIXES-C-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buf_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  buf = buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  if (len > 0)
// CHECK-FIXES-NEXT:    ((char *)buf)[0] = 'x';
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int char_pointer_through_a_cast(PyObject *obj) {
  char *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, (void **)&buf, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return -1;
  for (Py_ssize_t i = 0; i < len; i++)
    buf[i] = 0;
  return 0;
}
// A `char *` through a cast asks for PyBUF_WRITABLE too.
// CHECK-FIXES:int char_pointer_through_a_cast(PyObject *obj) {
// CHECK-FIXES-NEXT:  char *buf;
// CHECK-FIXES-C-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buf_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  buf = (char *)buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < len; i++)
// CHECK-FIXES-NEXT:    buf[i] = 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}
