/* ext: one function that still uses a buffer API CPython 3.13 removed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

/* ext.length(obj) -> int: the size of obj's buffer. */
static PyObject *
ext_length(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t size;

    if (PyObject_AsCharBuffer(obj, &data, &size) < 0)
        return NULL;
    return PyLong_FromSsize_t(size);
}

static PyMethodDef ext_methods[] = {
    {"length", ext_length, METH_O, "Size of the object's buffer."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ext_module = {
    PyModuleDef_HEAD_INIT, "ext", NULL, -1, ext_methods,
};

PyMODINIT_FUNC
PyInit_ext(void)
{
    return PyModule_Create(&ext_module);
}
