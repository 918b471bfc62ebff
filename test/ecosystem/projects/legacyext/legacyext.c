/*
 * legacyext: a tiny extension written against the C API of Python 3.12 and
 * older, the project that test/ecosystem/ecosystem_test.py runs
 * scripts/ecosystem on.  It calls three functions that Python 3.13 removed,
 * which pycapi-migrate rewrites, and tests whether a removed macro is
 * defined, which it only reports (the test keeps compiling on 3.13: the
 * macro is simply not defined there).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifdef _PyGC_FINALIZED
#define LEGACYEXT_HAS_GC_FINALIZED 1
#else
#define LEGACYEXT_HAS_GC_FINALIZED 0
#endif

/* legacyext.is_buffer(obj) -> bool */
static PyObject *
legacyext_is_buffer(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyObject_CheckReadBuffer(obj));
}

/* legacyext.byte_sum(data) -> int: the sum of the bytes of a buffer */
static PyObject *
legacyext_byte_sum(PyObject *self, PyObject *obj)
{
    const void *buf;
    Py_ssize_t len, i;
    unsigned long sum = 0;

    if (PyObject_AsReadBuffer(obj, &buf, &len) < 0)
        return NULL;
    for (i = 0; i < len; i++)
        sum += ((const unsigned char *)buf)[i];
    return PyLong_FromUnsignedLong(sum);
}

/* legacyext.twice(n) -> int: 2 * n for an n that fits a C int */
static PyObject *
legacyext_twice(PyObject *self, PyObject *obj)
{
    int value = _PyLong_AsInt(obj);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(2L * value);
}

static PyMethodDef legacyext_methods[] = {
    {"is_buffer", legacyext_is_buffer, METH_O, NULL},
    {"byte_sum", legacyext_byte_sum, METH_O, NULL},
    {"twice", legacyext_twice, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef legacyext_module = {
    PyModuleDef_HEAD_INIT, "legacyext", NULL, -1, legacyext_methods,
};

PyMODINIT_FUNC
PyInit_legacyext(void)
{
    PyObject *m = PyModule_Create(&legacyext_module);
    if (m != NULL &&
        PyModule_AddIntConstant(m, "has_gc_finalized", LEGACYEXT_HAS_GC_FINALIZED) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
