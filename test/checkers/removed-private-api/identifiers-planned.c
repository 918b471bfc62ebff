// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311
// RUN: %check_pycapi -check-suffix=320 %s pycapi-removed-private-api %t-320 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.20'}]}" -- %py311
// RUN: gcc -fsyntax-only -Wall -Werror %py311 %t-320.c
// RUN: %check_pycapi -check-suffix=320 %s pycapi-removed-private-api %t-320-313 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.20'}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t-320-313.c

// _PyObject_GetAttrId, _PyObject_CallMethodId and _PyUnicode_FromId are
// still in 3.13 (and 3.15, deprecated); 3.20 is to remove them. They are
// reported, and fixed, only when TargetPythonVersion reaches 3.20: with the
// default target the file is left alone. With PY_SSIZE_T_CLEAN, 3.11's
// _PyObject_CallMethodId is a macro, 3.13's a function: both are fixed.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

_Py_IDENTIFIER(real);
_Py_IDENTIFIER(join);
_Py_IDENTIFIER(strip);

PyObject *use(PyObject *number, PyObject *sep, PyObject *items) {
  PyObject *r = _PyObject_GetAttrId(number, &PyId_real);
  // CHECK-NOTES-320: :[[@LINE-1]]:17: warning: '_PyObject_GetAttrId' is deprecated and will be removed in Python 3.20; use PyObject_GetAttrString [pycapi-removed-private-api]
  Py_XDECREF(r);
  r = _PyObject_CallMethodId(sep, &PyId_strip, NULL);
  // CHECK-NOTES-320: :[[@LINE-1]]:7: warning: '_PyObject_CallMethodId' is deprecated and will be removed in Python 3.20; use PyObject_CallMethod [pycapi-removed-private-api]
  Py_XDECREF(r);
  PyObject *name = _PyUnicode_FromId(&PyId_join);
  // CHECK-NOTES-320: :[[@LINE-1]]:20: warning: '_PyUnicode_FromId' is deprecated and will be removed in Python 3.20; use PyUnicode_InternFromString [pycapi-removed-private-api]
  // CHECK-NOTES-320: :[[@LINE-2]]:20: note: call PyUnicode_InternFromString("name") once, keep the result (a new reference) in the module state and use it where _PyUnicode_FromId(&PyId_name) was; the removed function returned a borrowed reference that lived until the interpreter ended, so do not release it per use
  if (name == NULL)
    return NULL;
  return _PyObject_CallMethodId(sep, &PyId_join, "(O)", items);
  // CHECK-NOTES-320: :[[@LINE-1]]:10: warning: '_PyObject_CallMethodId' is deprecated and will be removed in Python 3.20; use PyObject_CallMethod [pycapi-removed-private-api]
}

// CHECK-FIXES-320:#include <Python.h>
// CHECK-FIXES-320-EMPTY:
// CHECK-FIXES-320-NEXT:_Py_IDENTIFIER(join);
// CHECK-FIXES-320-EMPTY:
// CHECK-FIXES-320:  PyObject *r = PyObject_GetAttrString(number, "real");
// CHECK-FIXES-320:  r = PyObject_CallMethod(sep, "strip", NULL);
// CHECK-FIXES-320:  PyObject *name = _PyUnicode_FromId(&PyId_join);
// CHECK-FIXES-320:  return PyObject_CallMethod(sep, "join", "(O)", items);
