/* e2e smoke case: the smallest extension that uses a removed buffer API.
 * PyObject_CheckReadBuffer() was removed in Python 3.13; pycapi-migrate should
 * turn it into PyObject_CheckBuffer(). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *is_buffer(PyObject *self, PyObject *obj) {
  (void)self;
  if (PyObject_CheckReadBuffer(obj))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

static PyMethodDef smoke_methods[] = {
    {"is_buffer", is_buffer, METH_O,
     "is_buffer(obj) -> bool: does obj support the buffer protocol?"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef smoke_module = {
    PyModuleDef_HEAD_INIT, "smoke", NULL, -1, smoke_methods,
};

PyMODINIT_FUNC PyInit_smoke(void) { return PyModule_Create(&smoke_module); }
