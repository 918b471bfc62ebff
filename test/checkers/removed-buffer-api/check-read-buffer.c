// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- -I%inputs/python312

#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
}
