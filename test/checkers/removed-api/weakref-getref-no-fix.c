// RUN: %check_pycapi %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: pycapi-removed-api.StrongReferenceFixes, value: true}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %check_pycapi -lang=c++ %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: pycapi-removed-api.StrongReferenceFixes, value: true}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffixes=OFF %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations

// The shapes StrongReferenceFixes leaves alone, each with the reason: the
// borrowed reference is returned or stored (who owns it: the maintainer's call),
// its address is taken, it is assigned again, it is tested against NULL
// after the error test (NULL now also means a dead object), or read where
// the object may be gone (the old call gave Py_None there, the new one
// NULL). The call must initialize a declaration or be assigned in a
// statement of its own. Without the option
// (the OFF run) no use is fixed and the advice says what to write.

#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *target;
} Holder;

PyObject *borrowed_owner(PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is stored or returned at line 30: decide who owns the reference
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  if (o == Py_None)
    return NULL;
  return o;
}

void keep(Holder *h, PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is stored or returned at line 42: decide who owns the reference
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  if (o != Py_None) {
    Py_INCREF(o);
    h->target = o;
  }
}

int address(PyObject *ref, PyObject **out) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: the address of 'o' is taken at line 53
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  PyObject **p = &o;
  *out = *p;
  return 0;
}

int reassigned(PyObject *ref, PyObject *other) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is assigned again at line 66
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  if (o == Py_None)
    o = other;
  return PyObject_IsTrue(o);
}

int null_later(PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is tested against NULL at line 78, where NULL would now also mean that the object is gone
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  int alive = o != Py_None;
  if (o == NULL)
    return -1;
  return alive;
}

PyObject *repr_even_if_dead(PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is read at line 92 while the object may be gone (the old call gave Py_None there); test 'o' against Py_None first
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  if (o == NULL)
    return NULL;
  PyObject *r = PyObject_Repr(o);
  return r;
}

int used_in_condition(PyObject *ref) {
  if (PyWeakref_GetObject(ref) == Py_None)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:7: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: no automatic fix: only a call that initializes a declaration, or is assigned to a local in a statement of its own, is rewritten
  // CHECK-NOTES: :[[@LINE-4]]:7: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:7: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
    return 0;
  return 1;
}

// A truth test of the result (in C, `if (o)` has no conversion to bool in
// the AST): the old call's result was true for a dead object too.
void unlock_if_alive(PyObject *ref, PyObject *lock) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-OFF: :[[@LINE-2]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no automatic fix: 'o' is tested against NULL at line 116, where NULL would now also mean that the object is gone
  // CHECK-NOTES: :[[@LINE-4]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  // CHECK-NOTES-OFF: :[[@LINE-5]]:17: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
  if (o) {
    PyObject *r = PyObject_CallOneArg(lock, o);
    Py_XDECREF(r);
  }
}
