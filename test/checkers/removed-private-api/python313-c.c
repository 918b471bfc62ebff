// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-implicit-function-declaration -fno-spell-checking

// C compiled against the 3.13 headers: the removed functions are implicitly
// declared and the removed types and macros are unknown; the names are
// found all the same, from the tokens, and the fixed file compiles against
// 3.13 with -Werror.

#include <Python.h>

int as_int(PyObject *o) { return _PyLong_AsInt(o) + !_Py_IsFinalizing(); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:54: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]

int later(_PyTime_t t) { return t < _PyTime_MAX; }
// CHECK-NOTES-DAG: :[[@LINE-1]]:11: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:11: error: unknown type name '_PyTime_t' [clang-diagnostic-error]
// CHECK-NOTES-DAG: :[[@LINE-3]]:37: warning: '_PyTime_MAX' was removed in Python 3.13; use PyTime_MAX [pycapi-removed-private-api]
// CHECK-NOTES-DAG: :[[@LINE-4]]:37: error: use of undeclared identifier '_PyTime_MAX' [clang-diagnostic-error]

// CHECK-FIXES:int as_int(PyObject *o) { return PyLong_AsInt(o) + !Py_IsFinalizing(); }
// CHECK-FIXES:int later(PyTime_t t) { return t < PyTime_MAX; }
