// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py311
// RUN: %check_pycapi -check-suffix=313 %s pycapi-removed-private-api %t-313 -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py313

// Removed macros: expansions are renamed; #ifdef, #ifndef and defined()
// tests are reported without a fix, whether the headers still define the
// macro (3.11) or not (3.13). A name written in the project's own macro is
// reported once, where it is written.

#include <Python.h>

#define IS_FINALIZED(o) _PyGC_FINALIZED(o)
// CHECK-NOTES: :[[@LINE-1]]:25: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]

#ifdef _PyGC_FINALIZED
// CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:8: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
// CHECK-NOTES-313: :[[@LINE-3]]:8: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
// CHECK-NOTES-313: :[[@LINE-4]]:8: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
int finalized(PyObject *a, PyObject *b) {
  return _PyGC_FINALIZED(a) + IS_FINALIZED(a) + IS_FINALIZED(b);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
}
#endif

#if !defined(_PyInterpreterState_Get)
// CHECK-NOTES: :[[@LINE-1]]:14: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:14: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
// CHECK-NOTES-313: :[[@LINE-3]]:14: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
// CHECK-NOTES-313: :[[@LINE-4]]:14: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
#endif

#ifndef _PyTime_MAX
// CHECK-NOTES: :[[@LINE-1]]:9: warning: '_PyTime_MAX' was removed in Python 3.13; use PyTime_MAX [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:9: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
// CHECK-NOTES-313: :[[@LINE-3]]:9: warning: '_PyTime_MAX' was removed in Python 3.13; use PyTime_MAX [pycapi-removed-private-api]
// CHECK-NOTES-313: :[[@LINE-4]]:9: note: no automatic fix: the preprocessor tests whether the name is defined; keep only the branch for the replacement
#endif

// CHECK-FIXES: {{^}}#define IS_FINALIZED(o) PyObject_GC_IsFinalized(o){{$}}
// CHECK-FIXES: {{^}}  return PyObject_GC_IsFinalized(a) + IS_FINALIZED(a) + IS_FINALIZED(b);{{$}}
