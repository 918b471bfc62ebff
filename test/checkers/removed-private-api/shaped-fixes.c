// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: gcc -fsyntax-only -Wall -Werror %py311 -I%inputs/compat %t.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 -I%inputs/compat %t.c
// RUN: %clang -fsyntax-only -Wall -Werror %py313 -I%inputs/compat %t.c

// Private names whose fix is not a rename or a plain call template:
// _PyLong_Format for the bases PyNumber_ToBase supports, the address and
// the members of _PyNone_Type, and the _PyArg_No* tests written out, as a
// statement where the code tests and returns, as an expression elsewhere.
// The fixed file compiles against 3.11 and 3.13, with clang and gcc.

#include <Python.h>

PyObject *binary(PyObject *o) { return _PyLong_Format(o, 2); }
// CHECK-NOTES: :[[@LINE-1]]:40: warning: '_PyLong_Format' was removed in Python 3.13; use PyNumber_ToBase [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:40: note: for an object that is not an int, PyNumber_ToBase calls __index__ or raises TypeError, where _PyLong_Format raised SystemError
PyObject *hex(PyObject *o) { return _PyLong_Format(o,
                                                   16); }
// CHECK-NOTES: :[[@LINE-2]]:37: warning: '_PyLong_Format' was removed in Python 3.13; use PyNumber_ToBase [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-3]]:37: note: for an object that is not an int, PyNumber_ToBase calls __index__ or raises TypeError, where _PyLong_Format raised SystemError

int equal(PyObject *u) { return _PyUnicode_EqualToASCIIString(u, "name"); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: '_PyUnicode_EqualToASCIIString' was removed in Python 3.13; use PyUnicode_EqualToUTF8 [pycapi-removed-private-api]

int is_none_type(PyObject *t) {
  return t == (PyObject *)&_PyNone_Type || t == (PyObject *)&_PyNotImplemented_Type;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: '_PyNone_Type' was removed in Python 3.13; use Py_TYPE(Py_None) [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:62: warning: '_PyNotImplemented_Type' was removed in Python 3.13; use Py_TYPE(Py_NotImplemented) [pycapi-removed-private-api]
}

const char *none_name(void) { return _PyNone_Type.tp_name; }
// CHECK-NOTES: :[[@LINE-1]]:38: warning: '_PyNone_Type' was removed in Python 3.13; use Py_TYPE(Py_None) [pycapi-removed-private-api]

PyObject *no_keywords(PyObject *self, PyObject *args, PyObject *kwds) {
  if (!_PyArg_NoKeywords("no_keywords", kwds)) return NULL;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyArg_NoKeywords' was removed in Python 3.13; use an inline test of the keyword dict [pycapi-removed-private-api]
  if (!_PyArg_NoPositional("no_keywords", args))
    return NULL;
  // CHECK-NOTES: :[[@LINE-2]]:8: warning: '_PyArg_NoPositional' was removed in Python 3.13; use an inline test of the argument tuple [pycapi-removed-private-api]
  if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)) {
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyArg_NoKeywords' was removed in Python 3.13; use an inline test of the keyword dict [pycapi-removed-private-api]
    return NULL;
  }
  Py_RETURN_NONE;
}

PyObject *vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                     PyObject *kwnames) {
  int ok = _PyArg_NoKwnames("vectorcall", kwnames);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: '_PyArg_NoKwnames' was removed in Python 3.13; use an inline test of the keyword names [pycapi-removed-private-api]
  return ok ? PyLong_FromSize_t(PyVectorcall_NARGS(nargsf)) : NULL;
}

// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES:PyObject *binary(PyObject *o) { return PyNumber_ToBase(o, 2); }
// CHECK-FIXES:PyObject *hex(PyObject *o) { return PyNumber_ToBase(o,
// CHECK-FIXES-NEXT:                                                   16); }
// CHECK-FIXES:int equal(PyObject *u) { return PyUnicode_EqualToUTF8(u, "name"); }
// CHECK-FIXES:  return t == (PyObject *)Py_TYPE(Py_None) || t == (PyObject *)Py_TYPE(Py_NotImplemented);
// CHECK-FIXES:const char *none_name(void) { return Py_TYPE(Py_None)->tp_name; }
// CHECK-FIXES:  if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) { PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", "no_keywords"); return NULL; }
// CHECK-FIXES:  if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
// CHECK-FIXES-NEXT:    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", "no_keywords");
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES:  if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
// CHECK-FIXES-NEXT:    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", Py_TYPE(self)->tp_name);
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES:  int ok = (!(kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) || (PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", "vectorcall"), 0));
