#include <Python.h>

static inline int shared_check(PyObject *o) {
  return PyObject_CheckReadBuffer(o);
}
