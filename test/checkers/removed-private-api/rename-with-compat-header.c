// RUN: %check_pycapi -crlf %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// The replacements are newer than MinimumPythonVersion (3.8): with
// CompatHeader set, every use is renamed and the compat header is included
// once, right after Python.h, by the first fix.

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

// A call.
int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]

// A reference that is not a call.
int (*as_int_fn)(PyObject *) = _PyLong_AsInt;
// CHECK-NOTES: :[[@LINE-1]]:32: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]

// Type names: a declaration, a cast, sizeof.
_PyTime_t twice(_PyTime_t t) { return (_PyTime_t)(t * 2) + (_PyTime_t)sizeof(_PyTime_t); }
// CHECK-NOTES: :[[@LINE-1]]:1: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:17: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-3]]:40: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-4]]:61: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-5]]:78: warning: '_PyTime_t' was removed in Python 3.13; use PyTime_t [pycapi-removed-private-api]

// Macro expansions (an object-like macro, a macro used as a function name).
int lookup(PyObject *o, PyObject *name) {
  PyObject *value;
  int found = _PyObject_LookupAttr(o, name, &value);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: '_PyObject_LookupAttr' was removed in Python 3.13; use PyObject_GetOptionalAttr [pycapi-removed-private-api]
  return found + (int)(_PyTime_MAX > 0) + !_Py_IsFinalizing();
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: '_PyTime_MAX' was removed in Python 3.13; use PyTime_MAX [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:44: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]
}

// CHECK-FIXES:#define PY_SSIZE_T_CLEAN
// CHECK-FIXES-NEXT:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-NEXT:#include <string.h>
// CHECK-FIXES:int as_int(PyObject *o) { return PyLong_AsInt(o); }
// CHECK-FIXES:int (*as_int_fn)(PyObject *) = PyLong_AsInt;
// CHECK-FIXES:PyTime_t twice(PyTime_t t) { return (PyTime_t)(t * 2) + (PyTime_t)sizeof(PyTime_t); }
// CHECK-FIXES:  int found = PyObject_GetOptionalAttr(o, name, &value);
// CHECK-FIXES:  return found + (int)(PyTime_MAX > 0) + !Py_IsFinalizing();
