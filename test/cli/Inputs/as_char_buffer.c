#include <Python.h>

int first(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}
