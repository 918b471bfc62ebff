// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.NonRetainingFunctions, value: 'checksum; surface_create_for_data'}]}" -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.NonRetainingFunctions, value: 'checksum; surface_create_for_data'}]}" -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.NonRetainingFunctions, value: 'checksum; surface_create_for_data'}]}" -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}, {key: pycapi-removed-buffer-api.NonRetainingFunctions, value: 'checksum; surface_create_for_data'}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}, {key: pycapi-removed-buffer-api.NonRetainingFunctions, value: 'checksum; surface_create_for_data'}]}" -- %py311

// NonRetainingFunctions extends the list of functions that use the pointer
// only during the call: the same call that callee-may-keep.c gets a note
// for is quiet once the user lists it (blanks around a name are ignored).
// A function the option does not list still gets its note.

#include <Python.h>

typedef struct surface surface;
surface *surface_create_for_data(unsigned char *data, Py_ssize_t len);
unsigned long checksum(const void *data, Py_ssize_t len);
void keep_for_later(const void *data);

PyObject *wrap(PyObject *self, PyObject *obj) {
  unsigned char *buffer;
  Py_ssize_t len;
  surface *s;
  if (PyObject_AsWriteBuffer(obj, (void **)&buffer, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return NULL;
  s = surface_create_for_data(buffer, len);
  if (s == NULL)
    return NULL;
  return PyLong_FromVoidPtr(s);
}
// A listed callee is quiet; the release placement does not change.
// CHECK-FIXES:PyObject *wrap(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  unsigned char *buffer;
// CHECK-FIXES-C-NEXT:  Py_buffer buffer_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buffer_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  surface *s;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buffer_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  buffer = (unsigned char *)buffer_view.buf;
// CHECK-FIXES-NEXT:  len = buffer_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  s = surface_create_for_data(buffer, len);
// CHECK-FIXES-LIFE-NEXT:  if (s == NULL) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&buffer_view);
// CHECK-FIXES-IMM-NEXT:  if (s == NULL)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  return PyLong_FromVoidPtr(s);
// CHECK-FIXES-NEXT:}

PyObject *sum_and_keep(PyObject *self, PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  unsigned long sum;
  if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  sum = checksum(data, len);
  keep_for_later(data);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'keep_for_later' may keep 'data' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'data' during the call, add it to NonRetainingFunctions
  return PyLong_FromUnsignedLong(sum);
}
// An unlisted callee still gets its note; the view held after it.
// CHECK-FIXES:PyObject *sum_and_keep(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  unsigned long sum;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  sum = checksum(data, len);
// CHECK-FIXES-NEXT:  keep_for_later(data);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return PyLong_FromUnsignedLong(sum);
// CHECK-FIXES-NEXT:}
