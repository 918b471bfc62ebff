/* legacybuf: one function that still uses a buffer API CPython 3.13 removed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

/* legacybuf.readable(obj) -> bool */
static PyObject *
legacybuf_readable(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyObject_CheckReadBuffer(obj));
}

static PyMethodDef legacybuf_methods[] = {
    {"readable", legacybuf_readable, METH_O, "Does obj export a buffer?"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef legacybuf_module = {
    PyModuleDef_HEAD_INIT, "legacybuf", NULL, -1, legacybuf_methods,
};

PyMODINIT_FUNC
PyInit_legacybuf(void)
{
    return PyModule_Create(&legacybuf_module);
}
