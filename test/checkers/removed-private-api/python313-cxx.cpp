// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -fno-spell-checking
// Without -fno-spell-checking (the CLI passes it by default) clang corrects the name while parsing; the
// finding is still at the name as written:
// RUN: not %clang_tidy --load %pycapi_plugin --checks=-*,pycapi-removed-private-api %s -- %py313 | FileCheck --check-prefix=TYPO %s

// C++ compiled against the 3.13 headers: undeclared names, unknown types
// and names that clang's typo correction replaced are found from the tokens.

#include <Python.h>

int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES-DAG: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:34: error: use of undeclared identifier '_PyLong_AsInt' [clang-diagnostic-error]
// TYPO-DAG: :[[@LINE-3]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// TYPO-DAG: :[[@LINE-4]]:34: error: use of undeclared identifier '_PyLong_AsInt'; did you mean 'PyLong_AsInt'? [clang-diagnostic-error]

_PyTime_t last;
// CHECK-NOTES-DAG: :[[@LINE-1]]:1: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:1: error: unknown type name '_PyTime_t' [clang-diagnostic-error]

int interp() { return _PyInterpreterState_Get() != nullptr; }
// CHECK-NOTES-DAG: :[[@LINE-1]]:23: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:23: error: use of undeclared identifier '_PyInterpreterState_Get' [clang-diagnostic-error]

// A test of a removed macro is not a use: it is false for the target.
#ifdef _PyTime_MAX
#endif

// CHECK-FIXES:int as_int(PyObject *o) { return PyLong_AsInt(o); }
// CHECK-FIXES:PyTime_t last;
// CHECK-FIXES:int interp() { return PyInterpreterState_Get() != nullptr; }
