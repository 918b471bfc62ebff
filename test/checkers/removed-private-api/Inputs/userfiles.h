/* A project header that includes Python.h itself, then uses removed names:
 * a function and a macro that the target compiles, and a function under a
 * version test it does not. */
#ifndef USERFILES_H
#define USERFILES_H
#include <Python.h>
static inline int userfiles_as_int(PyObject *o) { return _PyLong_AsInt(o); }
static inline int userfiles_finalized(PyObject *o) { return _PyGC_FINALIZED(o); }
#if PY_VERSION_HEX < 0x030D0000
static inline int userfiles_old(void) { return _Py_IsFinalizing(); }
#endif
#endif
