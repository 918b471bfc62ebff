#include <Python.h>

#define FIRST_ITEM(t) PyTuple_GET_ITEM(t, 0)

static inline PyObject *second_item(PyObject *t) {
  return PyTuple_GET_ITEM(t, 1);
}
