// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- -I%inputs/python312

// A reference to a removed function that is not a call (a function pointer,
// its address) gets a warning and no fix.

#include <Python.h>

typedef int (*getter)(PyObject *, const char **, Py_ssize_t *);

static getter default_getter = PyObject_AsCharBuffer;
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
// CHECK-MESSAGES: :[[@LINE-2]]:32: note: no automatic fix: the function is referenced, not called

getter pick(int n) {
  if (n)
    return &PyObject_AsCharBuffer;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: no automatic fix: the function is referenced, not called
  return default_getter;
}

int (*check)(PyObject *) = PyObject_CheckReadBuffer;
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-MESSAGES: :[[@LINE-2]]:28: note: no automatic fix: the function is referenced, not called

struct slot {
  const char *name;
  void *fn;
};

static struct slot table[] = {
    {"read", (void *)PyObject_AsReadBuffer},
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-MESSAGES: :[[@LINE-2]]:22: note: no automatic fix: the function is referenced, not called
    {"write", (void *)&PyObject_AsWriteBuffer},
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-MESSAGES: :[[@LINE-2]]:24: note: no automatic fix: the function is referenced, not called
};

void *first_slot(void) { return table[0].fn; }
