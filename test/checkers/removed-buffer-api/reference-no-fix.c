// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// A reference to a removed function that is not a call (a function pointer,
// its address) gets a warning and no fix. 3.11 declares the removed functions
// deprecated: the references, left as they are, would fail the -Werror
// compile of the unchanged file.

#include <Python.h>

typedef int (*char_buffer_getter)(PyObject *, const char **, Py_ssize_t *);

static char_buffer_getter default_getter = PyObject_AsCharBuffer;
// CHECK-NOTES: :[[@LINE-1]]:44: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:44: note: no automatic fix: the function is referenced, not called

char_buffer_getter pick(int n) {
  if (n)
    return &PyObject_AsCharBuffer;
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES: :[[@LINE-2]]:13: note: no automatic fix: the function is referenced, not called
  return default_getter;
}

int (*check)(PyObject *) = PyObject_CheckReadBuffer;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:28: note: no automatic fix: the function is referenced, not called

struct slot {
  const char *name;
  void *fn;
};

static struct slot table[] = {
    {"read", (void *)PyObject_AsReadBuffer},
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no automatic fix: the function is referenced, not called
    {"write", (void *)&PyObject_AsWriteBuffer},
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no automatic fix: the function is referenced, not called
};

void *first_slot(void) { return table[0].fn; }
