// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py313

// By default the check reports only what no longer compiles: assigning
// through Py_TYPE, Py_SIZE or Py_REFCNT, which are functions since 3.11.
// The fields read or written directly still compile on every supported
// Python; rewriting them is a style change, made with FieldAccess (the other
// tests of this folder), so code already ported to 3.13 gets no report.

#include <Python.h>

const char *type_name(PyObject *obj) { return obj->ob_type->tp_name; }
// CHECK-FIXES:const char *type_name(PyObject *obj) { return obj->ob_type->tp_name; }

void immortal(PyObject *obj, PyVarObject *var) {
  obj->ob_refcnt = 1;
  Py_REFCNT(obj) = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_refcnt' is assigned through its getter, which current Pythons reject; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:18: error: expression is not assignable [clang-diagnostic-error]
  Py_SIZE(var) = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is assigned through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  obj->ob_refcnt = 1;
// CHECK-FIXES-NEXT:  Py_SET_REFCNT(obj, 2);
// CHECK-FIXES-NEXT:  Py_SET_SIZE(var, 0);
