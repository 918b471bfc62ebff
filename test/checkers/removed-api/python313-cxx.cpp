// RUN: %check_pycapi -fix-errors %s pycapi-removed-api %t -- -- %py313 -fno-spell-checking

// C++ against the 3.13 headers: an undeclared removed function is found
// and renamed; a test of a removed macro is not a use (it is false for the
// target), so it is not reported.

#include <Python.h>

PyObject *call(PyObject *f) { return PyEval_CallFunction(f, "()"); }
// CHECK-NOTES-DAG: :[[@LINE-1]]:38: warning: 'PyEval_CallFunction' was removed in Python 3.13; use PyObject_CallFunction [pycapi-removed-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:38: error: use of undeclared identifier 'PyEval_CallFunction' [clang-diagnostic-error]

#ifdef PyEval_CallObject
#endif

// CHECK-FIXES:PyObject *call(PyObject *f) { return PyObject_CallFunction(f, "()"); }
