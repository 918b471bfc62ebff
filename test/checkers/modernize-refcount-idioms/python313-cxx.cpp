// RUN: %check_pycapi %s pycapi-modernize-refcount-idioms %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py313 -I%inputs/compat

// upgrade-tests.c as C++ against the real 3.13 headers (Py_INCREF and
// Py_DECREF are functions there, Py_CLEAR and Py_SETREF assign through a
// pointer): the same rewrites, and the fixed file compiles as C++.

#include <Python.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

PyObject *new_ref(PyObject *obj) {
  Py_INCREF(obj);
  return obj;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  return Py_NewRef(obj);
PyObject *same_line(PyObject *obj) {
  Py_INCREF(obj); return obj;
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  return Py_NewRef(obj);
PyObject *new_xref(PyObject *obj) {
  Py_XINCREF(obj);
  return obj;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  return Py_XNewRef(obj);
PyObject *cast(PyLongObject *obj) {
  Py_XINCREF(obj);
  return (PyObject *)obj;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  return Py_XNewRef(obj);

typedef struct {
  PyObject *attr;
} MyStruct;

void set_attr(MyStruct *obj, PyObject *value, int test) {
  Py_INCREF(value);
  obj->attr = value;
  obj->attr = value;
  Py_INCREF(value);
  obj->attr = value;
  Py_INCREF(obj->attr);
  obj->attr = value; Py_INCREF(value);
  if (test) { obj->attr = value; Py_INCREF(obj->attr); }
  if (test) { Py_INCREF(value); obj->attr = value; }
  Py_INCREF(value);
  obj->attr = (PyObject *)value;
  Py_XINCREF(value);
  obj->attr = value;
}
// CHECK-NOTES: :[[@LINE-14]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-12]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-11]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-11]]:22: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-11]]:34: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-11]]:15: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-11]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-10]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  obj->attr = Py_NewRef(value);
// CHECK-FIXES-NEXT:  obj->attr = Py_NewRef(value);
// CHECK-FIXES-NEXT:  obj->attr = Py_NewRef(value);
// CHECK-FIXES-NEXT:  obj->attr = Py_NewRef(value);
// CHECK-FIXES-NEXT:  if (test) { obj->attr = Py_NewRef(value); }
// CHECK-FIXES-NEXT:  if (test) { obj->attr = Py_NewRef(value); }
// CHECK-FIXES-NEXT:  obj->attr = Py_NewRef(value);
// CHECK-FIXES-NEXT:  obj->attr = Py_XNewRef(value);

// A declaration with a cast keeps its type and its cast.
PyCodeObject *declared(PyObject *code) {
  PyCodeObject *code_obj = (PyCodeObject *)code;
  Py_INCREF(code_obj);
  Py_DECREF(code_obj);
  Py_XINCREF(code);
  PyCodeObject* other = (PyCodeObject *)code;
  Py_XDECREF(other);
  return code_obj;
}
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  PyCodeObject *code_obj = (PyCodeObject *)Py_NewRef(code);
// CHECK-FIXES-NEXT:  Py_DECREF(code_obj);
// CHECK-FIXES-NEXT:  PyCodeObject* other = (PyCodeObject *)Py_XNewRef(code);

void clear(PyObject *obj, int test) {
  Py_XDECREF(obj);
  obj = NULL;
  if (test) { Py_XDECREF(obj); obj = NULL; }
}
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'Py_XDECREF' followed by setting the variable to NULL; use Py_CLEAR [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-3]]:15: warning: 'Py_XDECREF' followed by setting the variable to NULL; use Py_CLEAR [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_CLEAR(obj);
// CHECK-FIXES-NEXT:  if (test) { Py_CLEAR(obj); }

// upgrade_pythoncapi leaves `Py_DECREF(x); x = NULL;` (or, with its
// Py_SETREF operation, writes Py_SETREF(x, NULL)). Py_CLEAR does the same,
// setting the variable before the release as Py_SETREF does, and says so.
void dont_clear(PyObject *obj) {
  Py_DECREF(obj);
  obj = NULL;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_DECREF' followed by setting the variable to NULL; use Py_CLEAR [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_CLEAR(obj);

void set(PyObject **obj, PyObject *t) {
  Py_DECREF(*obj);
  *obj = t;
  Py_XDECREF(*obj);
  *obj = t;
  Py_DECREF(*obj);
  Py_INCREF(t);
  *obj = t;
}
// CHECK-NOTES: :[[@LINE-8]]:3: warning: 'Py_DECREF' followed by an assignment to the same variable; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'Py_XDECREF' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'Py_DECREF' followed by an assignment to the same variable; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_SETREF(*obj, t);
// CHECK-FIXES-NEXT:  Py_XSETREF(*obj, t);
// CHECK-FIXES-NEXT:  Py_SETREF(*obj, Py_NewRef(t));

void set_old(PyObject **obj, PyObject *value) {
  {
    PyObject *old = *obj;
    *obj = value;
    Py_DECREF(old);
  }
  {
    PyObject *old = *obj;
    *obj = Py_XNewRef(value);
    Py_DECREF(old);
  }
  {
    PyObject *old = *obj;
    *obj = value;
    Py_XDECREF(old);
  }
}
// CHECK-NOTES: :[[@LINE-13]]:5: warning: 'Py_DECREF' of the old value after the assignment; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-9]]:5: warning: 'Py_DECREF' of the old value after the assignment; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-5]]:5: warning: 'Py_XDECREF' of the old value after the assignment; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:    Py_SETREF(*obj, value);
// CHECK-FIXES:    Py_SETREF(*obj, Py_XNewRef(value));
// CHECK-FIXES:    Py_XSETREF(*obj, value);

void incref_decref(PyObject *obj, PyObject *value) {
  Py_INCREF(value);
  Py_XDECREF(obj);
  obj = value;
  Py_XINCREF(value);
  Py_DECREF(obj);
  obj = value;
  Py_DECREF(obj);
}
// CHECK-NOTES: :[[@LINE-8]]:3: warning: 'Py_XDECREF' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'Py_DECREF' followed by an assignment to the same variable; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_XSETREF(obj, Py_NewRef(value));
// CHECK-FIXES-NEXT:  Py_SETREF(obj, Py_XNewRef(value));

void clear_then_set(PyObject **obj, PyObject *value) {
  Py_CLEAR(*obj);
  *obj = value;
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_CLEAR' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_XSETREF(*obj, value);

// Python's object macros, read back as written (Py_None is
// `(&_Py_NoneStruct)` in 3.13, Py_True a cast in _PyObject_CAST).
PyObject *object_macros(int test) {
  if (test) {
    Py_INCREF(Py_True);
    return Py_True;
  }
  PyObject *none = Py_None;
  Py_INCREF(none);
  return none;
}
// CHECK-NOTES: :[[@LINE-7]]:5: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:    return Py_NewRef(Py_True);
// CHECK-FIXES:  PyObject *none = Py_NewRef(Py_None);
// CHECK-FIXES-NEXT:  return none;
