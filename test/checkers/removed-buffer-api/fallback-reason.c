// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// When Lifetime falls back to an immediate release, the note gives the real
// reason: the pointer escapes (it is stored, or passed to a callee that may
// keep it), not the control flow that made the analysis give up on the way
// (a return taken conditionally inside a macro, a read before the call in a
// loop).

#include <Python.h>

typedef struct surface surface;
/* Keeps DATA until DESTROY is called with CLOSURE. */
int surface_set_mime_data(surface *s, const char *mime_type,
                          const unsigned char *data, unsigned long length,
                          void (*destroy)(void *), void *closure);
surface *surface_of(PyObject *self);
void release_user_data(void *closure);

#define RETURN_NULL_IF_ERROR(status)                                           \
  do {                                                                         \
    if ((status) != 0) {                                                       \
      PyErr_SetString(PyExc_RuntimeError, "surface error");                    \
      return NULL;                                                             \
    }                                                                          \
  } while (0)

// pycairo's set_mime_data: the pointer goes to a library that keeps it, then
// a macro returns under a condition of its own. The note names the call.
// Immediate gives only the may-keep note.
PyObject *set_mime_data(PyObject *self, PyObject *args) {
  const char *mime_type;
  PyObject *obj, *user_data;
  const void *buffer;
  Py_ssize_t buffer_len;
  int status;
  if (!PyArg_ParseTuple(args, "sO:set_mime_data", &mime_type, &obj))
    return NULL;
  if (PyObject_AsReadBuffer(obj, &buffer, &buffer_len) == -1)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  user_data = Py_BuildValue("(O)", obj);
  if (user_data == NULL)
    return NULL;
  status = surface_set_mime_data(surface_of(self), mime_type,
                                 (const unsigned char *)buffer,
                                 (unsigned long)buffer_len, release_user_data,
                                 user_data);
  // CHECK-NOTES-LIFE: :[[@LINE-4]]:12: note: 'buffer' outlives the view: it is passed to 'surface_set_mime_data', which may keep it; the view is released right after the copy, as the removed function did, so 'buffer' is only valid while 'obj' keeps its buffer unchanged: review this use
  // CHECK-NOTES: :[[@LINE-5]]:12: note: 'surface_set_mime_data' may keep 'buffer' after the view is released; if it does, hold the view as long as the object that keeps the pointer (store the Py_buffer in that object and release it in its destructor); if it only reads 'buffer' during the call, add it to NonRetainingFunctions
  RETURN_NULL_IF_ERROR(status);
  Py_RETURN_NONE;
}
// The pointer goes to a keeping library: the release right after.
// CHECK-FIXES:PyObject *set_mime_data(PyObject *self, PyObject *args) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const void *buffer;
// CHECK-FIXES-C-NEXT:  Py_buffer buffer_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buffer_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t buffer_len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    return NULL;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &buffer_view, PyBUF_SIMPLE) == -1)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  buffer = buffer_view.buf;
// CHECK-FIXES-NEXT:  buffer_len = buffer_view.len;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-NEXT:  user_data = Py_BuildValue("(O)", obj);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

static const char *last_seen;

// A read before the call in the loop that repeats it comes first, the store
// into a static after it: the note names the store.
PyObject *loop_then_store(PyObject *self, PyObject *list) {
  const char *data = NULL;
  Py_ssize_t len, i;
  for (i = 0; i < PyList_GET_SIZE(list); i++) {
    if (data != NULL && data[0] == 'x')
      break;
    if (PyObject_AsCharBuffer(PyList_GET_ITEM(list, i), &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return NULL;
    last_seen = data;
    // CHECK-NOTES-LIFE: :[[@LINE-1]]:17: note: 'data' outlives the view: it is stored in 'last_seen' here; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'PyList_GET_ITEM(list, i)' keeps its buffer unchanged: review this use
  }
  Py_RETURN_NONE;
}
// Stored into a static: the release right after the copies.
// CHECK-FIXES:PyObject *loop_then_store(PyObject *self, PyObject *list) {
// CHECK-FIXES-NEXT:  const char *data = NULL;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t i;
// CHECK-FIXES-NEXT:  for (i = 0; i < PyList_GET_SIZE(list); i++) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:      break;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(PyList_GET_ITEM(list, i), &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return NULL;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    last_seen = data;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
