// RUN: %check_pycapi -compile=none %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// The uses these rewrites leave alone, each with the reason: a base that
// PyNumber_ToBase does not support or that is not a literal, the type
// object itself or its address outside a function, and arguments that the
// written-out test would evaluate twice.

#include <Python.h>

PyObject *base7(PyObject *o) { return _PyLong_Format(o, 7); }
// CHECK-NOTES: :[[@LINE-1]]:39: warning: '_PyLong_Format' was removed in Python 3.13; use PyNumber_ToBase [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:39: note: no automatic fix: argument 2 ('7') is not one of 2, 8, 10, 16
// CHECK-NOTES: :[[@LINE-3]]:39: note: PyNumber_ToBase supports only bases 2, 8, 10 and 16: for another base, format the digits in the extension, or call int.__format__ from Python
// CHECK-NOTES: :[[@LINE-4]]:39: note: for an object that is not an int, PyNumber_ToBase calls __index__ or raises TypeError, where _PyLong_Format raised SystemError
PyObject *any_base(PyObject *o, int base) { return _PyLong_Format(o, base); }
// CHECK-NOTES: :[[@LINE-1]]:52: warning: '_PyLong_Format' was removed in Python 3.13; use PyNumber_ToBase [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:52: note: no automatic fix: argument 2 ('base') is not one of 2, 8, 10, 16
// CHECK-NOTES: :[[@LINE-3]]:52: note: PyNumber_ToBase supports only bases 2, 8, 10 and 16: for another base, format the digits in the extension, or call int.__format__ from Python
// CHECK-NOTES: :[[@LINE-4]]:52: note: for an object that is not an int, PyNumber_ToBase calls __index__ or raises TypeError, where _PyLong_Format raised SystemError

static PyTypeObject *none_type = &_PyNone_Type;
// CHECK-NOTES: :[[@LINE-1]]:35: warning: '_PyNone_Type' was removed in Python 3.13; use Py_TYPE(Py_None) [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:35: note: no automatic fix: outside a function body 'Py_TYPE(Py_None)' is not a constant expression; take the address at run time
// CHECK-NOTES: :[[@LINE-3]]:35: note: write Py_TYPE(Py_None) for the address of the type (&_PyNone_Type); the type object itself is not reachable by name any more
size_t none_size(void) { return sizeof(_PyNone_Type) + (none_type != NULL); }
// CHECK-NOTES: :[[@LINE-1]]:40: warning: '_PyNone_Type' was removed in Python 3.13; use Py_TYPE(Py_None) [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:40: note: no automatic fix: only the type's address (&_PyNone_Type) and its members have a replacement
// CHECK-NOTES: :[[@LINE-3]]:40: note: write Py_TYPE(Py_None) for the address of the type (&_PyNone_Type); the type object itself is not reachable by name any more

PyObject *next_kwds(PyObject **kwds);

PyObject *side_effects(PyObject *args, PyObject **kwds, PyObject *kwnames) {
  if (!_PyArg_NoKeywords("f", next_kwds(kwds)))
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyArg_NoKeywords' was removed in Python 3.13; use an inline test of the keyword dict [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no automatic fix: argument 2 ('next_kwds(kwds)') may have side effects, and the replacement evaluates it more than once
  // CHECK-NOTES: :[[@LINE-3]]:8: note: test the keyword dict yourself: if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) { PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", name); return NULL; }
    return NULL;
  if (!_PyArg_NoPositional("f", args = NULL))
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyArg_NoPositional' was removed in Python 3.13; use an inline test of the argument tuple [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no automatic fix: argument 2 ('args = NULL') may have side effects, and the replacement evaluates it more than once
  // CHECK-NOTES: :[[@LINE-3]]:8: note: test the argument tuple yourself: if (args != NULL && PyTuple_GET_SIZE(args) != 0) { PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", name); return NULL; }
    return NULL;
  if (!_PyArg_NoKwnames("f", *kwds++))
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyArg_NoKwnames' was removed in Python 3.13; use an inline test of the keyword names [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no automatic fix: argument 2 ('*kwds++') may have side effects, and the replacement evaluates it more than once
  // CHECK-NOTES: :[[@LINE-3]]:8: note: test the keyword names yourself: if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) { PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", name); return NULL; }
    return NULL;
  return kwnames;
}
