/*
 * compat313.h: the project's own stand-in for pythoncapi_compat.h, passed to
 * pycapi-migrate as --compat-header: the public 3.13 names that the fixes
 * use, defined for older Pythons.
 */
#ifndef LEGACYEXT_COMPAT313_H
#define LEGACYEXT_COMPAT313_H

#include <Python.h>

#if PY_VERSION_HEX < 0x030D00A1
static inline int
PyLong_AsInt(PyObject *obj)
{
    return _PyLong_AsInt(obj);
}
#endif

#endif
