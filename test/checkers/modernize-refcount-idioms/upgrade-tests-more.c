// RUN: %check_pycapi -crlf %s pycapi-modernize-refcount-idioms %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.10'}]}" -- %py311
// RUN: %check_pycapi -lang=c++ %s pycapi-modernize-refcount-idioms %t-cxx -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.10'}]}" -- %py311

// The rest of upgrade_pythoncapi.py's Py_NewRef, Py_CLEAR and Py_SETREF
// cases (upgrade-tests.c has the first ones), in our own code: the other
// operand orders, both macro spellings, and what it leaves alone. The file is
// checked with LF and with CRLF line ends. MinimumPythonVersion 3.10: no
// compat header.

#include <Python.h>

typedef struct {
  PyObject *attr;
} Holder;

// The reference taken after the assignment, through either name.
void hold(Holder *h, PyObject *value) {
  h->attr = value;
  Py_XINCREF(value);
  h->attr = value;
  Py_XINCREF(h->attr);
}
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_XINCREF' followed by a use of the same object; use Py_XNewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  h->attr = Py_XNewRef(value);
// CHECK-FIXES-NEXT:  h->attr = Py_XNewRef(value);

// A declaration with a cast, then the reference taken through the source.
void declared(PyObject *code) {
  PyCodeObject *code_obj = (PyCodeObject *)code;
  Py_INCREF(code);
  Py_DECREF(code_obj);
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  PyCodeObject *code_obj = (PyCodeObject *)Py_NewRef(code);
// CHECK-FIXES-NEXT:  Py_DECREF(code_obj);

// Python's object macros: Py_None is `(&_Py_NoneStruct)`, whose text is
// read back from the macro's use, as upgrade_pythoncapi writes it.
void twice(void) {
  PyObject *x;
  Py_INCREF(Py_None);
  x = Py_None;
  Py_DECREF(x);
}
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  PyObject *x;
// CHECK-FIXES-NEXT:  x = Py_NewRef(Py_None);
// CHECK-FIXES-NEXT:  Py_DECREF(x);

PyObject *object_macros(PyObject *x) {
  PyObject *y = Py_True;
  Py_INCREF(y);
  x = Py_False;
  Py_INCREF(Py_False);
  Py_DECREF(x);
  Py_DECREF(y);
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}
// CHECK-NOTES: :[[@LINE-8]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  PyObject *y = Py_NewRef(Py_True);
// CHECK-FIXES-NEXT:  x = Py_NewRef(Py_False);
// CHECK-FIXES-NEXT:  Py_DECREF(x);
// CHECK-FIXES-NEXT:  Py_DECREF(y);
// CHECK-FIXES-NEXT:  return Py_NewRef(Py_NotImplemented);

// A project's macro for a field: read back whole, as written.
#define HELD(h) ((h)->attr)
PyObject *held(Holder *h) {
  Py_INCREF(HELD(h));
  return HELD(h);
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: 'Py_INCREF' followed by a use of the same object; use Py_NewRef [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  return Py_NewRef(HELD(h));

// Another object than the one taken: left alone.
PyObject *other_object(void) {
  Py_INCREF(Py_None);
  return Py_True;
}
// CHECK-FIXES:  Py_INCREF(Py_None);
// CHECK-FIXES-NEXT:  return Py_True;

// A reference taken after a branch that assigns, or inside the branch:
// the statements are not neighbours in one block, so nothing is rewritten
// (upgrade_pythoncapi relies on the indentation for this).
void branches(int test, Holder *h, PyObject *value) {
  PyObject *res;
  if (test)
    res = Py_True;
  else
    res = Py_False;
  Py_INCREF(res);
  Py_DECREF(res);
  if (test)
    test = 1;
  else
    Py_INCREF(value);
  h->attr = value;
}
// CHECK-FIXES:    res = Py_False;
// CHECK-FIXES-NEXT:  Py_INCREF(res);
// CHECK-FIXES:    Py_INCREF(value);
// CHECK-FIXES-NEXT:  h->attr = value;

// The new value's reference taken first, with the release of the old value
// between: both spellings of each.
void incref_release_assign(PyObject *obj, PyObject *value) {
  Py_INCREF(value);
  Py_DECREF(obj);
  obj = value;
  Py_XINCREF(value);
  Py_XDECREF(obj);
  obj = value;
  Py_DECREF(obj);
}
// CHECK-NOTES: :[[@LINE-8]]:3: warning: 'Py_DECREF' followed by an assignment to the same variable; use Py_SETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'Py_XDECREF' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_SETREF(obj, Py_NewRef(value));
// CHECK-FIXES-NEXT:  Py_XSETREF(obj, Py_XNewRef(value));

// The old-variable form with a new reference already in the value.
void old_variable(PyObject **slot, PyObject *value) {
  PyObject *old = *slot;
  *slot = Py_NewRef(value);
  Py_XDECREF(old);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Py_XDECREF' of the old value after the assignment; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_XSETREF(*slot, Py_NewRef(value));

// The old-variable form through casts, on a field of another type.
typedef struct {
  PyObject_HEAD
  PyObject *tb_next;
} Traceback;
void link_next(Traceback *self, PyObject *new_next) {
  PyObject *old_next = (PyObject *)self->tb_next;
  self->tb_next = Py_XNewRef(new_next);
  Py_XDECREF(old_next);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Py_XDECREF' of the old value after the assignment; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_XSETREF(self->tb_next, Py_XNewRef(new_next));

// Py_CLEAR, then the new reference, then the assignment: Py_XSETREF (the
// old value may be NULL), with the new reference taken in the value.
void clear_then_link(Traceback *self, PyObject *value) {
  Py_INCREF(value);
  Py_CLEAR(self->tb_next);
  self->tb_next = value;
  Py_XINCREF(value);
  Py_CLEAR(self->tb_next);
  self->tb_next = value;
}
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'Py_CLEAR' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'Py_CLEAR' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  Py_XSETREF(self->tb_next, Py_NewRef(value));
// CHECK-FIXES-NEXT:  Py_XSETREF(self->tb_next, Py_XNewRef(value));

// The old-variable form whose variable was declared before, on its own
// line, and is used nowhere else: rewritten, and the declaration goes
// (upgrade_pythoncapi keeps it, unused, which -Wall -Werror rejects).
void old_declared_before(Traceback *self, PyObject *new_next) {
  PyObject *old_next;
  old_next = (PyObject *)self->tb_next;
  self->tb_next = Py_XNewRef(new_next);
  Py_XDECREF(old_next);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Py_XDECREF' of the old value after the assignment; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:void old_declared_before(Traceback *self, PyObject *new_next) {
// CHECK-FIXES-NEXT:  Py_XSETREF(self->tb_next, Py_XNewRef(new_next));
// CHECK-FIXES-NEXT:}

// The same variable saving two old values, or read again after the
// release, or declared with another: left alone (the variable would stay,
// unused, or its later read would see nothing saved).
void old_reused(Traceback *self, PyObject *a, PyObject *b) {
  PyObject *old;
  old = (PyObject *)self->tb_next;
  self->tb_next = Py_XNewRef(a);
  Py_XDECREF(old);
  old = (PyObject *)self->tb_next;
  self->tb_next = Py_XNewRef(b);
  Py_XDECREF(old);
}
// The first release and the next save are the pair `Py_XDECREF(x); x = y;`
// of their own, rewritten as such (the same release, then the same value).
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'Py_XDECREF' followed by an assignment to the same variable; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:  old = (PyObject *)self->tb_next;
// CHECK-FIXES-NEXT:  self->tb_next = Py_XNewRef(a);
// CHECK-FIXES-NEXT:  Py_XSETREF(old, (PyObject *)self->tb_next);
// CHECK-FIXES-NEXT:  self->tb_next = Py_XNewRef(b);
// CHECK-FIXES-NEXT:  Py_XDECREF(old);
PyObject *old_read_again(PyObject **slot, PyObject *value) {
  PyObject *old = NULL;
  old = *slot;
  *slot = value;
  Py_DECREF(old);
  return old == value ? NULL : value;
}
// CHECK-FIXES:  PyObject *old = NULL;
// CHECK-FIXES-NEXT:  old = *slot;
void old_declared_with_other(PyObject **slot, PyObject *value) {
  PyObject *old, *unused = NULL;
  old = *slot;
  *slot = value;
  Py_DECREF(old);
  (void)unused;
}
// CHECK-FIXES:  PyObject *old, *unused = NULL;
// CHECK-FIXES-NEXT:  old = *slot;
