// RUN: %check_pycapi -check-suffixes=,PY39 %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- -I%inputs/python39
// RUN: %check_pycapi -check-suffixes=,PY310 -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- -I%inputs/python310

// Against 3.9's and 3.10's headers (mocks shaped like the real object.h),
// Py_TYPE and Py_SIZE are macros that expand to the field: `Py_TYPE(o) = t`
// compiles there, and no longer on 3.11. Found all the same, without
// FieldAccess, and rewritten into the setters (in 3.9 on: no compat header).
// 3.10's Py_REFCNT is already a function call, as from 3.11 on (an error).

#include <Python.h>


void set_all(PyVarObject *var, PyObject *obj, PyTypeObject *type) {
  Py_TYPE(obj) = type;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_type' is assigned through its getter, which current Pythons reject; use Py_SET_TYPE [pycapi-modernize-object-fields]
  Py_SIZE(var) = 4;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is assigned through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  Py_REFCNT(obj) = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_refcnt' is assigned through its getter, which current Pythons reject; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES-PY310: :[[@LINE-2]]:18: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_TYPE(obj, type);
// CHECK-FIXES:  Py_SET_SIZE(var, 4);
// CHECK-FIXES:  Py_SET_REFCNT(obj, 2);

// Changes in place (getter-in-place.c has them against 3.11).
PyObject *steps(PyVarObject *var, PyObject **items) {
  Py_SIZE(var) += 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  --Py_SIZE(var);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  return items[Py_SIZE(var)++];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
}
// CHECK-FIXES:  Py_SET_SIZE(var, Py_SIZE(var) + 2);
// CHECK-FIXES:  Py_SET_SIZE(var, Py_SIZE(var) - 1);
// CHECK-FIXES:  return items[(Py_SET_SIZE(var, Py_SIZE(var) + 1), Py_SIZE(var) - 1)];

// Reads through the getters, and the fields themselves (FieldAccess is
// off): left alone.
int same(PyObject *obj, PyTypeObject *type) {
  obj->ob_type = type;
  return Py_TYPE(obj) == type && Py_REFCNT(obj) == 1;
}
// CHECK-FIXES:  obj->ob_type = type;
// CHECK-FIXES-NEXT:  return Py_TYPE(obj) == type && Py_REFCNT(obj) == 1;
