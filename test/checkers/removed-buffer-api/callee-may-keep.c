// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A callee whose body is not visible may keep the pointer after the view is
// released (an image surface over the caller's pixels): the call gets a
// note, under both strategies, and Lifetime still holds the view to the end
// of its uses. Functions known to use the pointer only during the call
// (memcpy, PyBytes_FromStringAndSize) stay quiet, and a visible body is
// analysed: one that stores the pointer makes Lifetime fall back, one that
// only reads it is quiet.

#include <Python.h>
#include <string.h>

typedef struct surface surface;
/* Keeps DATA: the surface draws into it until it is destroyed. */
surface *surface_create_for_data(unsigned char *data, Py_ssize_t len);

static const char *remembered;
static void remember(const char *data) { remembered = data; }
static int first_byte(const char *data) { return data[0]; }

// The library keeps the pointer: a note at the call, the view held as before.
PyObject *wrap(PyObject *self, PyObject *obj) {
  unsigned char *buffer;
  Py_ssize_t len;
  surface *s;
  if (PyObject_AsWriteBuffer(obj, (void **)&buffer, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return NULL;
  s = surface_create_for_data(buffer, len);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'surface_create_for_data' may keep 'buffer' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'buffer' during the call, add it to NonRetainingFunctions
  if (s == NULL)
    return NULL;
  return PyLong_FromVoidPtr(s);
}
// The view is held past the keeping call, to each return (Lifetime).
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

// memcpy and PyBytes_FromStringAndSize copy: no note.
PyObject *copies(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  char head[4];
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  if (len < 4)
    return NULL;
  memcpy(head, data, 4);
  return PyBytes_FromStringAndSize(data, len);
}
// Copying callees: the release goes before each later return.
// CHECK-FIXES:PyObject *copies(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  char head[4];
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (len < 4) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (len < 4)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-NEXT:  memcpy(head, data, 4);
// CHECK-FIXES-LIFE-NEXT:  PyObject *result = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-NEXT:}

// A visible body that stores the pointer: Lifetime falls back, no may-keep note.
PyObject *stored_by_visible_body(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  remember(data);
  // CHECK-NOTES-LIFE: :[[@LINE-1]]:3: note: 'data' outlives the view: it is passed to 'remember', which keeps it; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'obj' keeps its buffer unchanged: review this use
  Py_RETURN_NONE;
}
// Lifetime falls back: the release right after the copies.
// CHECK-FIXES:PyObject *stored_by_visible_body(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  remember(data);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

// A visible body that only reads it: no note.
PyObject *read_by_visible_body(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  return PyLong_FromLong(first_byte(data));
}
// A reading callee: the release after the last read.
// CHECK-FIXES:PyObject *read_by_visible_body(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-LIFE-NEXT:  PyObject *result = PyLong_FromLong(first_byte(data));
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return PyLong_FromLong(first_byte(data));
// CHECK-FIXES-NEXT:}

// A call through a function pointer: the note names the callee as written.
PyObject *through_pointer(PyObject *self, PyObject *obj,
                          void (*attach)(const void *, Py_ssize_t)) {
  const void *data;
  Py_ssize_t len;
  if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  attach(data, len);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'attach' may keep 'data' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'data' during the call, add it to NonRetainingFunctions
  Py_RETURN_NONE;
}
// A call through a pointer: the release after that call.
// CHECK-FIXES:PyObject *through_pointer(PyObject *self, PyObject *obj,
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const void *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  attach(data, len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  Py_RETURN_NONE;
// CHECK-FIXES-NEXT:}

// A local copied from the pointer, and the pointer plus an offset: one note
// per call, naming the argument as written.
PyObject *alias_and_offset(PyObject *self, PyObject *obj) {
  unsigned char *buffer, *pixels;
  Py_ssize_t len;
  surface *a, *b;
  if (PyObject_AsWriteBuffer(obj, (void **)&buffer, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return NULL;
  pixels = buffer;
  a = surface_create_for_data(pixels, len);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'surface_create_for_data' may keep 'pixels' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'pixels' during the call, add it to NonRetainingFunctions
  b = surface_create_for_data(buffer + 1, len - 1);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'surface_create_for_data' may keep 'buffer + 1' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'buffer + 1' during the call, add it to NonRetainingFunctions
  return Py_BuildValue("(NN)", PyLong_FromVoidPtr(a), PyLong_FromVoidPtr(b));
}
// An alias and an offset keep the view to the last call.
// CHECK-FIXES:PyObject *alias_and_offset(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  unsigned char *buffer, *pixels;
// CHECK-FIXES-C-NEXT:  Py_buffer buffer_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buffer_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  surface *a, *b;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buffer_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  buffer = (unsigned char *)buffer_view.buf;
// CHECK-FIXES-NEXT:  len = buffer_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  pixels = buffer;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  b = surface_create_for_data(buffer + 1, len - 1);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  return Py_BuildValue("(NN)", PyLong_FromVoidPtr(a), PyLong_FromVoidPtr(b));
// CHECK-FIXES-NEXT:}

// memchr's result points into the buffer: it is followed like the pointer
// (held until the return that reads it) and its call to the library gets the
// note.
PyObject *searched(PyObject *self, PyObject *obj) {
  unsigned char *buffer, *body;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, (void **)&buffer, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
    return NULL;
  body = (unsigned char *)memchr(buffer, ':', (size_t)len);
  if (body == NULL)
    return NULL;
  return PyLong_FromVoidPtr(surface_create_for_data(body, 1));
  // CHECK-NOTES: :[[@LINE-1]]:29: note: 'surface_create_for_data' may keep 'body' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'body' during the call, add it to NonRetainingFunctions
}
// memchr's result keeps the view held until the return that reads it.
// CHECK-FIXES:PyObject *searched(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  unsigned char *buffer, *body;
// CHECK-FIXES-C-NEXT:  Py_buffer buffer_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buffer_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buffer_view, PyBUF_WRITABLE) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  buffer = (unsigned char *)buffer_view.buf;
// CHECK-FIXES-NEXT:  len = buffer_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  body = (unsigned char *)memchr(buffer, ':', (size_t)len);
// CHECK-FIXES-LIFE-NEXT:  if (body == NULL) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&buffer_view);
// CHECK-FIXES-IMM-NEXT:  if (body == NULL)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyObject *result = PyLong_FromVoidPtr(surface_create_for_data(body, 1));
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return PyLong_FromVoidPtr(surface_create_for_data(body, 1));
// CHECK-FIXES-NEXT:}
