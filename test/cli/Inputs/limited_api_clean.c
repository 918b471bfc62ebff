#include <Python.h>

PyObject *none(void) { Py_RETURN_NONE; }

void warn(void) { PyErr_SetString(PyExc_EncodingWarning, "no encoding"); }
