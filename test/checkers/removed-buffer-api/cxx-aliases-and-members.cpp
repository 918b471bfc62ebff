// RUN: %check_pycapi -check-suffixes=,LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// C++ aliases: auto copies and references of the pointer are followed like
// plain copies; a pointer that is a data member or a reference parameter
// outlives the function, so its view is released right after the copy.

#include <Python.h>
#include <string>

class Buffer {
public:
  int load(PyObject *obj) {
    if (PyObject_AsCharBuffer(obj, &m_data, &m_len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES-LIFE: :[[@LINE-2]]:36: note: 'm_data' outlives the view: the pointer is stored in 'm_data'; the view is released right after the copy, as the removed function did, so 'm_data' is only valid while 'obj' keeps its buffer unchanged: review this use
      return -1;
    return 0;
  }

private:
  const char *m_data = nullptr;
  Py_ssize_t m_len = 0;
};
// A data member outlives the method: the release right after the copies.
// CHECK-FIXES:class Buffer {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  int load(PyObject *obj) {
// CHECK-FIXES-NEXT:    Py_buffer m_data_view = {};
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &m_data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    m_data = (const char *)m_data_view.buf;
// CHECK-FIXES-NEXT:    m_len = m_data_view.len;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&m_data_view);
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:private:
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:};

int reference_out_param(PyObject *obj, const char *&out) {
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &out, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES-LIFE: :[[@LINE-2]]:34: note: 'out' outlives the view: the pointer is stored in 'out'; the view is released right after the copy, as the removed function did, so 'out' is only valid while 'obj' keeps its buffer unchanged: review this use
    return -1;
  return (int)len;
}
// A reference out-parameter: the release right after the call.
// CHECK-FIXES:int reference_out_param(PyObject *obj, const char *&out) {
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  Py_buffer out_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &out_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  out = (const char *)out_view.buf;
// CHECK-FIXES-NEXT:  len = out_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&out_view);
// CHECK-FIXES-NEXT:  return (int)len;
// CHECK-FIXES-NEXT:}

std::string auto_alias(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return std::string();
  auto begin = data;
  auto end = data + len;
  return std::string(begin, end);
}
// `auto` copies of the pointer are followed like plain copies.
// CHECK-FIXES:std::string auto_alias(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return std::string();
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  auto begin = data;
// CHECK-FIXES-NEXT:  auto end = data + len;
// CHECK-FIXES-LIFE-NEXT:  std::string result = std::string(begin, end);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return std::string(begin, end);
// CHECK-FIXES-NEXT:}

int reference_alias(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  const char *&ref = data;
  return len ? ref[0] : 0;
}
// A reference to the pointer is followed like a copy.
// CHECK-FIXES:int reference_alias(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  const char *&ref = data;
// CHECK-FIXES-LIFE-NEXT:  int result = len ? ref[0] : 0;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return len ? ref[0] : 0;
// CHECK-FIXES-NEXT:}
