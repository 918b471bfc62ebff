// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py311
// RUN: %check_pycapi -check-suffixes=,313 %s pycapi-removed-private-api %t-313 -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py313 -Wno-implicit-function-declaration

// Removed macros: expansions are renamed, whether the headers still define
// the macro (3.11) or not (3.13). A name written in the project's own macro
// is reported once, where it is written. #ifdef, #ifndef and defined() tests
// of a removed name are not uses: they are false for the target, and the
// code they guard is judged as the target compiles it.

#include <Python.h>

#define IS_FINALIZED(o) _PyGC_FINALIZED(o)
// CHECK-NOTES: :[[@LINE-1]]:25: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]

int finalized(PyObject *a, PyObject *b) {
  return _PyGC_FINALIZED(a) + IS_FINALIZED(a) + IS_FINALIZED(b);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
}

#ifdef _PyGC_FINALIZED
int finalized_only_before_313(PyObject *a) { return _PyGC_FINALIZED(a); }
#endif

#if !defined(_PyInterpreterState_Get)
#endif

#ifndef _PyTime_MAX
#endif

// CHECK-FIXES:#define IS_FINALIZED(o) PyObject_GC_IsFinalized(o)
// CHECK-FIXES:  return PyObject_GC_IsFinalized(a) + IS_FINALIZED(a) + IS_FINALIZED(b);
// CHECK-FIXES:int finalized_only_before_313(PyObject *a) { return _PyGC_FINALIZED(a); }
