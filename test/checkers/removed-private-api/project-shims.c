// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313

// A project that defines the removed names itself for 3.13 (a function, a
// type and macros): the definitions are never reported, their uses are, and
// an #ifndef around the project's own shim is part of the shim.

#include <Python.h>

int _PyLong_AsInt(PyObject *o) { return PyLong_AsInt(o); }
typedef PyTime_t _PyTime_t;
#ifndef _PyGC_FINALIZED
#define _PyGC_FINALIZED(o) PyObject_GC_IsFinalized(o)
#endif
#define _PyInterpreterState_Get PyInterpreterState_Get

int uses(PyObject *o) {
  _PyTime_t t = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
  PyInterpreterState *interp = _PyInterpreterState_Get();
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
  return _PyLong_AsInt(o) + _PyGC_FINALIZED(o) + (int)t + (interp != NULL);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:29: warning: '_PyGC_FINALIZED' was removed in Python 3.13; use PyObject_GC_IsFinalized [pycapi-removed-private-api]
}

// CHECK-FIXES:int _PyLong_AsInt(PyObject *o) { return PyLong_AsInt(o); }
// CHECK-FIXES-NEXT:typedef PyTime_t _PyTime_t;
// CHECK-FIXES-NEXT:#ifndef _PyGC_FINALIZED
// CHECK-FIXES-NEXT:#define _PyGC_FINALIZED(o) PyObject_GC_IsFinalized(o)
// CHECK-FIXES:  PyTime_t t = 0;
// CHECK-FIXES:  PyInterpreterState *interp = PyInterpreterState_Get();
// CHECK-FIXES:  return PyLong_AsInt(o) + PyObject_GC_IsFinalized(o) + (int)t + (interp != NULL);
