// RUN: %check_pycapi -crlf %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: gcc -fsyntax-only -Wall -Werror %py311 -I%inputs/compat %t.c
// RUN: cp %t.c %t.again.c && %pycapi_migrate --checks=-*,pycapi-removed-private-api --fix --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" %t.again.c -- %py311 -I%inputs/compat && diff %t.c %t.again.c
// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t313 -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-implicit-function-declaration -Wno-int-conversion
// RUN: %clang -fsyntax-only -Wall -Werror %py313 %t313.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t313.c

// _PyList_Extend returned a new reference to None, or NULL; PyList_Extend
// returns 0 or -1. A result that is only tested and released becomes a test
// of the new call; any other use gets an expression with the old contract.
// The (PyListObject *) cast goes: PyList_Extend takes a PyObject *.

#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *items;
} Evolver;

// The statement form, as pyrsistent's evolver wrote it.
PyObject *evolver_extend(Evolver *self, PyObject *args) {
  PyObject *retVal = _PyList_Extend((PyListObject *)self->items, args);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
  if (retVal == NULL) {
    return NULL;
  }

  Py_DECREF(retVal);
  Py_INCREF(self);
  return (PyObject *)self;
}
// CHECK-FIXES:PyObject *evolver_extend(Evolver *self, PyObject *args) {
// CHECK-FIXES-NEXT:  if (PyList_Extend(self->items, args) < 0) {
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:  Py_INCREF(self);

// The same with `!r`, Py_XDECREF and a list that is a PyListObject *: the
// cast the new call needs is written.
int extend_typed(PyListObject *list, PyObject *it) {
  PyObject *r = _PyList_Extend(list, it);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
  if (!r)
    return -1;
  Py_XDECREF(r);
  return 0;
}
// CHECK-FIXES:int extend_typed(PyListObject *list, PyObject *it) {
// CHECK-FIXES-NEXT:  if (PyList_Extend((PyObject *)list, it) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  return 0;

// The expression form: the result is returned.
PyObject *extend_expr(PyObject *list, PyObject *it) {
  return _PyList_Extend((PyListObject *)list, it);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
}
// CHECK-FIXES:  return (PyList_Extend(list, it) < 0 ? NULL : Py_NewRef(Py_None));

// The result used otherwise (printed before it is released): the expression.
int extend_used(PyObject *list, PyObject *it) {
  PyObject *none = _PyList_Extend((PyListObject *)list, it);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
  if (none == NULL)
    return -1;
  int is_none = none == Py_None;
  Py_DECREF(none);
  return is_none;
}
// CHECK-FIXES:  PyObject *none = (PyList_Extend(list, it) < 0 ? NULL : Py_NewRef(Py_None));
// CHECK-FIXES-NEXT:  if (none == NULL)

// Tested in a larger expression: the expression keeps its precedence.
int extend_tested(PyObject *list, PyObject *it) {
  PyObject *r;
  if ((r = _PyList_Extend((PyListObject *)list, it)) == NULL)
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
    return -1;
  Py_DECREF(r);
  return 0;
}
// CHECK-FIXES:  if ((r = (PyList_Extend(list, it) < 0 ? NULL : Py_NewRef(Py_None))) == NULL)
