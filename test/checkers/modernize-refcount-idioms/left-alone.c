// RUN: %check_pycapi %s pycapi-modernize-refcount-idioms %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.10'}]}" -- %py311

// Statement pairs that look like the idioms but are not, or whose rewrite
// would change the code: all left alone, and the file unchanged.

#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *attr;
} MyObject;

PyObject *next_item(void);

// Py_NewRef returns a PyObject *: a function returning MyObject * would need
// a cast the regex of upgrade_pythoncapi does not write (its output then
// warns, or fails in C++).
MyObject *own(MyObject *self) {
  Py_INCREF(self);
  return self;
}

// Another object, an argument with side effects, a comment or a
// preprocessor line between the statements.
PyObject *other(PyObject *a, PyObject *b) {
  Py_INCREF(a);
  return b;
}
PyObject *twice(void) {
  Py_INCREF(next_item());
  return next_item();
}
PyObject *commented(PyObject *obj) {
  Py_INCREF(obj);
  /* the caller owns the new reference */
  return obj;
}

// The old value is used after the release: the variable must stay.
PyObject *keep_old(PyObject **slot, PyObject *value) {
  PyObject *old = *slot;
  *slot = value;
  Py_DECREF(old);
  return old == value ? NULL : value;
}

// In comments and strings, and in a macro's body.
/* Py_XDECREF(obj); obj = NULL; */
const char *text = "Py_INCREF(x); return x;";
#define RESET(o) do { Py_XDECREF(o); o = NULL; } while (0)
void reset(PyObject *o) { RESET(o); }
