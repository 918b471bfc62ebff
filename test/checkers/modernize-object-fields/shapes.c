// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: pycapi-modernize-object-fields.FieldAccess, value: true}, {key: MinimumPythonVersion, value: '3.9'}]}" -- %py311

// The shapes of code upgrade_pythoncapi's regular expressions get wrong or
// miss, and the uses that keep no fix. MinimumPythonVersion 3.9 has the
// setters: no compat header.

#include <Python.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NOT:#include "pythoncapi_compat.h"

typedef struct {
  PyObject_HEAD
  PyObject *data;
} MyObject;

typedef struct {
  PyObject_VAR_HEAD
  int items[1];
} MyVar;

// A project's struct with fields of the same names is not a Python object.
struct node {
  struct node *ob_type;
  int ob_refcnt;
};
int node_ok(struct node *n) {
  n->ob_refcnt = 1;
  return n->ob_type != 0 && n->ob_refcnt;
}
// CHECK-FIXES:  n->ob_refcnt = 1;
// CHECK-FIXES-NEXT:  return n->ob_type != 0 && n->ob_refcnt;

/* obj->ob_type = type; in a comment */
// Py_TYPE(obj) = type; in a line comment
const char *text = "obj->ob_type = type; Py_SIZE(o) = n;";
// CHECK-FIXES:/* obj->ob_type = type; in a comment */
// CHECK-FIXES-NEXT:// Py_TYPE(obj) = type; in a line comment
// CHECK-FIXES-NEXT:const char *text = "obj->ob_type = type; Py_SIZE(o) = n;";

// The comparison the regex leaves (it takes `==` for an assignment).
int is_long(PyObject *x) { return x->ob_type == &PyLong_Type; }
// CHECK-NOTES: :[[@LINE-1]]:38: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:int is_long(PyObject *x) { return Py_TYPE(x) == &PyLong_Type; }

// A cast to PyObject * is what Py_TYPE does itself.
int cast(MyObject *self) { return ((PyObject *)self)->ob_type == &PyLong_Type; }
// CHECK-NOTES: :[[@LINE-1]]:55: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:int cast(MyObject *self) { return Py_TYPE(self) == &PyLong_Type; }

// Through the header member (PyObject_HEAD is `PyObject ob_base;`): the
// object is the pointer. upgrade_pythoncapi writes Py_TYPE(self->ob_base),
// a struct where a pointer goes.
PyTypeObject *base(MyObject *self) { return self->ob_base.ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:59: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *base(MyObject *self) { return Py_TYPE(self); }
Py_ssize_t var_size(MyVar *self) { return self->ob_base.ob_size; }
// CHECK-NOTES: :[[@LINE-1]]:57: warning: 'ob_size' is read directly; use Py_SIZE [pycapi-modernize-object-fields]
// CHECK-FIXES:Py_ssize_t var_size(MyVar *self) { return Py_SIZE(self); }
PyTypeObject *var_type(MyVar *self) { return self->ob_base.ob_base.ob_type; }
// CHECK-NOTES: :[[@LINE-1]]:68: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyTypeObject *var_type(MyVar *self) { return Py_TYPE(self); }
// An object held by value.
Py_ssize_t by_value(void) {
  static PyObject obj;
  return obj.ob_refcnt;
}
// CHECK-NOTES: :[[@LINE-2]]:14: warning: 'ob_refcnt' is read directly; use Py_REFCNT [pycapi-modernize-object-fields]
// CHECK-FIXES:  return Py_REFCNT(&obj);

// A macro argument is the project's text: rewritten in place.
void keep_type(PyObject *o) { Py_INCREF(o->ob_type); }
// CHECK-NOTES: :[[@LINE-1]]:44: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
// CHECK-FIXES:void keep_type(PyObject *o) { Py_INCREF(Py_TYPE(o)); }

// A macro's body serves every expansion, whatever the types: left alone.
#define TYPE_OF(o) ((o)->ob_type)
#define RESET(o) ((o)->ob_refcnt = 1)
PyTypeObject *type_of(PyObject *o) {
  RESET(o);
  return TYPE_OF(o);
}
// CHECK-FIXES:#define TYPE_OF(o) ((o)->ob_type)
// CHECK-FIXES-NEXT:#define RESET(o) ((o)->ob_refcnt = 1)

// No fix: the setters return nothing, and there is no setter for a change
// in place or a pointer into the header.
PyTypeObject *chained(PyObject *o, PyTypeObject *t) {
  PyTypeObject *old = (o->ob_type = t);
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'ob_type' is assigned directly; use Py_SET_TYPE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:27: note: no automatic fix: the assignment's value is used, and Py_SET_TYPE returns nothing
  o->ob_refcnt++;
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'ob_refcnt' is assigned directly; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: no automatic fix: the field is modified in place; write Py_SET_REFCNT with the new value
  o->ob_refcnt += 2;
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'ob_refcnt' is assigned directly; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: no automatic fix: the field is modified in place; write Py_SET_REFCNT with the new value
  Py_ssize_t *count = &o->ob_refcnt;
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: a pointer to 'ob_refcnt' is taken; use Py_REFCNT and its setter [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:27: note: no automatic fix: the field's address is taken; the object's header is not the extension's to point into
  return count ? old : NULL;
}

// A statement of an if or a loop's body takes the setter.
void conditional(PyVarObject *v, int empty) {
  if (empty)
    v->ob_size = 0;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_size' is assigned directly; use Py_SET_SIZE [pycapi-modernize-object-fields]
  else
    Py_SIZE(v) = 1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'ob_size' is assigned through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:    Py_SET_SIZE(v, 0);
// CHECK-FIXES:    Py_SET_SIZE(v, 1);
