// RUN: %check_pycapi -check-suffixes=,LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// C++: std::string and std::vector built from the pointer copy it (no
// note); a constructor whose body is not visible may keep it (the note names
// the class); one whose member initializer takes the pointer keeps it
// (Lifetime falls back); a member function is named with its class.

#include <Python.h>
#include <string>
#include <vector>

// Keeps the pointer it is built from; the constructor is defined elsewhere.
struct Surface {
  explicit Surface(const char *data);
  const char *data;
};

// Keeps the pointer in a member.
struct Span {
  explicit Span(const char *data) : data(data) {}
  const char *data;
};

struct Log {
  void write(const char *data, Py_ssize_t len);
};

PyObject *copies(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  std::string text(data, (size_t)len);
  std::vector<char> bytes(data, data + len);
  return PyLong_FromSize_t(text.size() + bytes.size());
}
// std::string and std::vector copy: the release after their last use.
// CHECK-FIXES:PyObject *copies(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  std::string text(data, (size_t)len);
// CHECK-FIXES-NEXT:  std::vector<char> bytes(data, data + len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return PyLong_FromSize_t(text.size() + bytes.size());
// CHECK-FIXES-NEXT:}

PyObject *constructed(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  Surface *surface = new Surface(data);
  // CHECK-NOTES: :[[@LINE-1]]:26: note: 'Surface' may keep 'data' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'data' during the call, add it to NonRetainingFunctions
  return PyLong_FromVoidPtr(surface);
}
// A constructor that may keep the pointer: the view held after it.
// CHECK-FIXES:PyObject *constructed(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  Surface *surface = new Surface(data);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return PyLong_FromVoidPtr(surface);
// CHECK-FIXES-NEXT:}

PyObject *member_initializer(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  Span *span = new Span(data);
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:20: note: 'data' outlives the view: it is passed to 'Span', which keeps it; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  return PyLong_FromVoidPtr(span);
}
// A member initializer keeps the pointer: Lifetime falls back.
// CHECK-FIXES:PyObject *member_initializer(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  Span *span = new Span(data);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

PyObject *member_call(PyObject *self, PyObject *obj) {
  static Log log;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  log.write(data, len);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Log::write' may keep 'data' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'data' during the call, add it to NonRetainingFunctions
  Py_RETURN_NONE;
}
// A member function call: the release after it.
// CHECK-FIXES:PyObject *member_call(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  log.write(data, len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  Py_RETURN_NONE;
// CHECK-FIXES-NEXT:}
