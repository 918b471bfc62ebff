// RUN: %check_pycapi %s pycapi-modernize-py-is %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// What upgrade_pythoncapi.py's Py_Is operation rewrites. Py_IsNone and the
// others are new in 3.10, MinimumPythonVersion is 3.8 (the default): the
// compat header is included once.

#include <Python.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

int test_py_is(PyObject *x) {
  if (x == Py_None) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
    return 1;
  }
  if (x == Py_True) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_True' compared by pointer; use Py_IsTrue [pycapi-modernize-py-is]
    return 2;
  }
  if (x == Py_False) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_False' compared by pointer; use Py_IsFalse [pycapi-modernize-py-is]
    return 3;
  }
  return 0;
}
// CHECK-FIXES:  if (Py_IsNone(x)) {
// CHECK-FIXES:  if (Py_IsTrue(x)) {
// CHECK-FIXES:  if (Py_IsFalse(x)) {

int test_py_is_not(PyObject *x) {
  if (x != Py_None) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
    return 1;
  }
  if (x != Py_True) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_True' compared by pointer; use Py_IsTrue [pycapi-modernize-py-is]
    return 2;
  }
  if (x != Py_False) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Py_False' compared by pointer; use Py_IsFalse [pycapi-modernize-py-is]
    return 3;
  }
  return 0;
}
// CHECK-FIXES:  if (!Py_IsNone(x)) {
// CHECK-FIXES:  if (!Py_IsTrue(x)) {
// CHECK-FIXES:  if (!Py_IsFalse(x)) {

struct Name {
  PyObject *name;
};
struct MyStruct {
  PyObject *attr1;
  struct Name attr2;
};
int test_expr(struct MyStruct *obj, PyObject **obj2) {
  if (obj->attr1 == Py_None) {
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
    return 1;
  }
  if (obj->attr2.name == Py_None) {
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
    return 1;
  }
  if (*obj2 == Py_None) {
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
    return 1;
  }
  return 0;
}
// CHECK-FIXES:  if (Py_IsNone(obj->attr1)) {
// CHECK-FIXES:  if (Py_IsNone(obj->attr2.name)) {
// CHECK-FIXES:  if (Py_IsNone(*obj2)) {
