#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
}
