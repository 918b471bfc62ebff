// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: pycapi-modernize-object-fields.FieldAccess, value: true}, {key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// upgrade-tests.c as C++: the same rewrites, and the fixed file compiles as
// C++ (where clang keeps `Py_TYPE(o) = t` in the AST the same way).

#include <Python.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

PyTypeObject *get_type(PyObject *obj) { return obj->ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:53: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *get_type(PyObject *obj) { return Py_TYPE(obj); }

Py_ssize_t get_size(PyVarObject *obj) { return obj->ob_size; }
// CHECK-NOTES: :[[@LINE-1]]:53: warning: 'ob_size' is read directly; use Py_SIZE [pycapi-modernize-object-fields]
// CHECK-FIXES:Py_ssize_t get_size(PyVarObject *obj) { return Py_SIZE(obj); }

Py_ssize_t get_refcnt(PyObject *obj) { return obj->ob_refcnt; }
// CHECK-NOTES: :[[@LINE-1]]:52: warning: 'ob_refcnt' is read directly; use Py_REFCNT [pycapi-modernize-object-fields]
// CHECK-FIXES:Py_ssize_t get_refcnt(PyObject *obj) { return Py_REFCNT(obj); }

void set_type(PyObject *obj, PyTypeObject *type) {
  obj->ob_type = type;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_type' is assigned directly; use Py_SET_TYPE [pycapi-modernize-object-fields]
  Py_TYPE(obj) = type;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_type' is assigned through its getter, which current Pythons reject; use Py_SET_TYPE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_TYPE(obj, type);
// CHECK-FIXES:  Py_SET_TYPE(obj, type);

void set_size(PyVarObject *obj) {
  obj->ob_size = 3;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_size' is assigned directly; use Py_SET_SIZE [pycapi-modernize-object-fields]
  Py_SIZE(obj) = 4;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is assigned through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_SIZE(obj, 3);
// CHECK-FIXES:  Py_SET_SIZE(obj, 4);

void set_refcnt(PyObject *obj) {
  obj->ob_refcnt = 1;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_refcnt' is assigned directly; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  Py_REFCNT(obj) = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_refcnt' is assigned through its getter, which current Pythons reject; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:18: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_REFCNT(obj, 1);
// CHECK-FIXES:  Py_SET_REFCNT(obj, 2);

// Comparisons through the getters are reads: left alone.
int same_type(PyObject *args, PyObject *obj, PyTypeObject *check_type) {
  return Py_TYPE(args) == check_type && Py_SIZE(obj) == 1 &&
         Py_REFCNT(obj) == 1;
}
// CHECK-FIXES:  return Py_TYPE(args) == check_type && Py_SIZE(obj) == 1 &&

// The object as upgrade_pythoncapi's expression tests spell it.
struct holder {
  PyObject *b;
};
PyTypeObject *member_of(struct holder a) { return a.b->ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:56: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *member_of(struct holder a) { return Py_TYPE(a.b); }
PyTypeObject *element(PyObject **array) { return array[2]->ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:60: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *element(PyObject **array) { return Py_TYPE(array[2]); }

// upgrade_pythoncapi leaves `func()->ob_type` alone, as its regex cannot
// tell a call from other text. The AST can: Py_TYPE(func()) calls func once,
// as the field access did, so it is rewritten too.
PyObject *func(void);
PyTypeObject *of_call(void) { return func()->ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:46: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *of_call(void) { return Py_TYPE(func()); }
