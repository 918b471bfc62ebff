// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: %check_pycapi -check-suffix=HAS %s pycapi-removed-private-api %t-has -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -DINCLUDES_COMPAT

// Three fixes in one file insert the compat header once; a file that
// already includes it gets none.

#include "Python.h"
#ifdef INCLUDES_COMPAT
#include "pythoncapi_compat.h"
#endif

int three(PyObject *a, PyObject *b) {
  return _PyLong_AsInt(a) + _PyLong_AsInt(b) + _Py_IsFinalizing();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:29: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-3]]:48: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]
  // CHECK-NOTES-HAS: :[[@LINE-4]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-HAS: :[[@LINE-5]]:29: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-HAS: :[[@LINE-6]]:48: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]
}

// CHECK-FIXES:#include "Python.h"
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-NEXT:#ifdef INCLUDES_COMPAT
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-NEXT:#endif
// CHECK-FIXES-NOT:pythoncapi_compat.h
// CHECK-FIXES:  return PyLong_AsInt(a) + PyLong_AsInt(b) + Py_IsFinalizing();

// CHECK-FIXES-HAS:#include "Python.h"
// CHECK-FIXES-HAS-NEXT:#ifdef INCLUDES_COMPAT
// CHECK-FIXES-HAS-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-HAS-NEXT:#endif
// CHECK-FIXES-HAS-NOT:pythoncapi_compat.h
// CHECK-FIXES-HAS:  return PyLong_AsInt(a) + PyLong_AsInt(b) + Py_IsFinalizing();
