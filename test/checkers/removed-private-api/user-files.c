// RUN: %check_pycapi -header=%S/Inputs/userfiles.h %s pycapi-removed-private-api %t/main -- --config="{HeaderFilterRegex: '.*'}" -- %py311

// The checks follow the tokens of the user's files only, and judge only the
// #if chains of the user's files (Python's headers have hundreds). Here
// Python.h comes in through a project header, inside a chain of this file:
// the tokens and macros of the project header after Python.h, and of this
// file after it, are still seen; the chain's #else after all of Python's own chains is
// still this chain's; and the project header's own #if is judged.

#include <patchlevel.h>
#if PY_VERSION_HEX < 0x030D0000
#include "userfiles.h"
static int old_python(PyObject *o) { return _PyLong_AsInt(o); }
#else
#include "userfiles.h"
static int new_python(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:45: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:45: note: no automatic fix: the headers being parsed (Python 3.11) skip this line, which Python 3.13 compiles ('#else (#if PY_VERSION_HEX < 0x030D0000)'); run the tool against Python 3.13's headers to fix it
#endif

int after(PyObject *o) {
  return userfiles_as_int(o) + old_python(o) + _Py_IsFinalizing();
  // CHECK-NOTES: :[[@LINE-1]]:48: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:48: note: no automatic fix: 'Py_IsFinalizing' is new in Python 3.13 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
}
// The header's findings come after this file's (the tools sort by file).
// CHECK-NOTES: userfiles.h:7:58: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: userfiles.h:7:58: note: no automatic fix: 'PyLong_AsInt' is new in Python 3.13 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
// CHECK-NOTES: userfiles.h:8:61: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
// CHECK-NOTES: userfiles.h:8:61: note: no automatic fix: 'PyObject_GC_IsFinalized' is new in Python 3.9 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
