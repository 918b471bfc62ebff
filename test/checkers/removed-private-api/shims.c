// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// Compat shims, against the real 3.11 headers. A shim under a guard that
// the target (3.13) does not compile is the project's support of older
// Pythons: never reported, never edited. A shim that the target compiles
// and that defines the replacement as the removed name is reported, but
// never renamed into a macro that names itself.

#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
#define Py_IsFinalizing() _Py_IsFinalizing()
#define PyLong_AsLongAsInt _PyLong_AsInt
#endif

#ifndef PY_MINOR_VERSION
#error "patchlevel.h defines it"
#elif PY_MINOR_VERSION < 13
static inline int compat_as_int(PyObject *o) { return _PyLong_AsInt(o); }
#else
static inline int compat_as_int(PyObject *o) { return PyLong_AsInt(o); }
#endif

#define PyLong_AsInt _PyLong_AsInt
// CHECK-NOTES: :[[@LINE-1]]:22: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:22: note: no automatic fix: this macro defines 'PyLong_AsInt' as the removed name, a shim for Pythons older than 3.13; renaming would make it name itself: define it only for them (#if PY_VERSION_HEX < 0x030D0000) or delete it

int uses(PyObject *o) {
  return Py_IsFinalizing() + PyLong_AsLongAsInt(o) + compat_as_int(o) +
         PyLong_AsInt(o);
}
