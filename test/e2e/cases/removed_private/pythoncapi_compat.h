/* A minimal compatibility header written for this test (not a copy of
 * pythoncapi-compat): the public names the migration introduces, on the
 * Pythons that predate them. Named like the real one, so that the checks
 * treat it as vendored and leave its uses of the old names alone. */
#ifndef E2E_PYTHONCAPI_COMPAT_H
#define E2E_PYTHONCAPI_COMPAT_H
#include <Python.h>

#if PY_VERSION_HEX < 0x03090000
#  define PyInterpreterState_Get _PyInterpreterState_Get
#  define PyObject_Vectorcall _PyObject_Vectorcall
#  define PyObject_GC_IsFinalized(o) _PyGC_FINALIZED(o)
#endif

#if PY_VERSION_HEX < 0x030D0000
#  define PyLong_AsInt _PyLong_AsInt
#  define Py_IsFinalizing _Py_IsFinalizing
#  define PyObject_GetOptionalAttr _PyObject_LookupAttr
typedef _PyTime_t PyTime_t;
#endif

#endif /* E2E_PYTHONCAPI_COMPAT_H */
