/*
 * portedext: a tiny extension that already uses only the C API that Python
 * 3.13 keeps (the "already ported" project of
 * test/ecosystem/ecosystem_test.py): pycapi-migrate must find nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
/* Generated before the build (the project's "prepare" step). */
#include "portedext_generated.h"
#if !PORTEDEXT_GENERATED
#error "portedext_generated.h is not the generated header"
#endif

unsigned portedext_checksum(const unsigned char *data, size_t len); /* checksum.cpp */

/* portedext.length(data) -> int: the size of a buffer in bytes */
static PyObject *
portedext_length(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    Py_ssize_t len;

    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    len = view.len;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(len);
}

/* portedext.adler32(data) -> int: zlib.adler32 of a buffer, in C++ */
static PyObject *
portedext_adler32(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    unsigned sum;

    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    sum = portedext_checksum((const unsigned char *)view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(sum);
}

static PyMethodDef portedext_methods[] = {
    {"length", portedext_length, METH_O, NULL},
    {"adler32", portedext_adler32, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef portedext_module = {
    PyModuleDef_HEAD_INIT, "portedext", NULL, -1, portedext_methods,
};

PyMODINIT_FUNC
PyInit_portedext(void)
{
    return PyModule_Create(&portedext_module);
}
