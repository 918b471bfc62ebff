// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: pycapi-modernize-object-fields.FieldAccess, value: true}, {key: MinimumPythonVersion, value: '3.9'}]}" -- %py313

// Against the real 3.13 headers: ob_refcnt is in an anonymous union of
// PyObject there, and Py_REFCNT and Py_SIZE are functions, so assigning
// through them does not compile.

#include <Python.h>

Py_ssize_t count(PyObject *obj) { return obj->ob_refcnt + ((PyVarObject *)obj)->ob_size; }
// CHECK-NOTES: :[[@LINE-1]]:47: warning: 'ob_refcnt' is read directly; use Py_REFCNT [pycapi-modernize-object-fields]
// CHECK-NOTES: :[[@LINE-2]]:81: warning: 'ob_size' is read directly; use Py_SIZE [pycapi-modernize-object-fields]
// CHECK-FIXES:Py_ssize_t count(PyObject *obj) { return Py_REFCNT(obj) + Py_SIZE(obj); }

void immortal(PyObject *obj, PyVarObject *var) {
  obj->ob_refcnt = 1;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_refcnt' is assigned directly; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  Py_REFCNT(obj) = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_refcnt' is assigned through its getter, which current Pythons reject; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:18: error: expression is not assignable [clang-diagnostic-error]
  Py_SIZE(var) = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is assigned through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_REFCNT(obj, 1);
// CHECK-FIXES-NEXT:  Py_SET_REFCNT(obj, 2);
// CHECK-FIXES-NEXT:  Py_SET_SIZE(var, 0);
