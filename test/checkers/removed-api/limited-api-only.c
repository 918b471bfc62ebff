// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311
// RUN: %check_pycapi -check-suffix=LIMITED %s pycapi-removed-api %t-limited -- -- %py311 -DPy_LIMITED_API=0x030C0000

// 3.13 removed PY_TIMEOUT_MAX from the limited C API only: it is reported
// only in a Py_LIMITED_API build.

#include <Python.h>

long long timeout_max(void) { return PY_TIMEOUT_MAX; }
// CHECK-NOTES-LIMITED: :[[@LINE-1]]:38: warning: 'PY_TIMEOUT_MAX' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-api]
// CHECK-NOTES-LIMITED: :[[@LINE-2]]:38: note: only the limited C API lost it: build without Py_LIMITED_API to keep it, or use a timeout limit of your own
