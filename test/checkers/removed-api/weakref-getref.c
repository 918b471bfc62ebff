// RUN: %check_pycapi -crlf %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: pycapi-removed-api.StrongReferenceFixes, value: true}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: pycapi-removed-api.StrongReferenceFixes, value: true}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %gcc -x c++ -O2 -Wall -Werror -c -o /dev/null %py313 %t.cpp
// RUN: %check_pycapi -check-suffixes=,COMPAT %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}, {key: pycapi-removed-api.StrongReferenceFixes, value: true}, {key: MinimumPythonVersion, value: '3.11'}, {key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py311 -I%inputs/compat %t.c
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py313 -I%inputs/compat %t.c

// StrongReferenceFixes: PyWeakref_GetObject and PyWeakref_GET_OBJECT (removed
// in 3.15) become PyWeakref_GetRef, whose strong reference is released where
// the function's control flow says: after the last read, and before each
// exit taken while it is still held (braces added where a branch is a
// single statement). The error test right after the call becomes the test
// of PyWeakref_GetRef's status; the tests against Py_None, what the old
// call gave for a dead object, become NULL tests. The fixed file compiles
// against real 3.13 (C and C++, gcc at -O2 for -Wmaybe-uninitialized) and,
// through the compat header, against 3.11.

#include <Python.h>
// CHECK-FIXES-COMPAT:#include <Python.h>
// CHECK-FIXES-COMPAT-NEXT:#include "pythoncapi_compat.h"

PyObject *repr_of(PyObject *ref) {
  PyObject *obj = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (obj == NULL)
    return NULL;
  if (obj == Py_None) {
    return PyUnicode_FromString("<dead>");
  }
  PyObject *r = PyObject_Repr(obj);
  return r;
}
// CHECK-FIXES:PyObject *repr_of(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *obj;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &obj) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  if (obj == NULL) {
// CHECK-FIXES-NEXT:    return PyUnicode_FromString("<dead>");
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  PyObject *r = PyObject_Repr(obj);
// CHECK-FIXES-NEXT:  Py_DECREF(obj);
// CHECK-FIXES-NEXT:  return r;
// CHECK-FIXES-NEXT:}

int call_if_alive(PyObject *ref) {
  PyObject *cb = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (cb != Py_None) {
    PyObject *res = PyObject_CallNoArgs(cb);
    if (res == NULL)
      return -1;
    Py_DECREF(res);
  }
  return 0;
}
// CHECK-FIXES:int call_if_alive(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *cb;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(ref, &cb);
// CHECK-FIXES-NEXT:  if (cb != NULL) {
// CHECK-FIXES-NEXT:    PyObject *res = PyObject_CallNoArgs(cb);
// CHECK-FIXES-NEXT:    Py_DECREF(cb);
// CHECK-FIXES-NEXT:    if (res == NULL)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    Py_DECREF(res);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

int count_alive_true(PyObject *refs) {
  int count = 0;
  Py_ssize_t n = PyList_GET_SIZE(refs);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *obj = PyWeakref_GetObject(PyList_GET_ITEM(refs, i));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
    if (obj == NULL)
      return -1;
    if (Py_None == obj)
      continue;
    int truth = PyObject_IsTrue(obj);
    if (truth < 0) return -1;
    count += truth;
  }
  return count;
}
// CHECK-FIXES:int count_alive_true(PyObject *refs) {
// CHECK-FIXES-NEXT:  int count = 0;
// CHECK-FIXES-NEXT:  Py_ssize_t n = PyList_GET_SIZE(refs);
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < n; i++) {
// CHECK-FIXES-NEXT:    PyObject *obj;
// CHECK-FIXES-NEXT:    if (PyWeakref_GetRef(PyList_GET_ITEM(refs, i), &obj) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    if (NULL == obj)
// CHECK-FIXES-NEXT:      continue;
// CHECK-FIXES-NEXT:    int truth = PyObject_IsTrue(obj);
// CHECK-FIXES-NEXT:    Py_DECREF(obj);
// CHECK-FIXES-NEXT:    if (truth < 0) return -1;
// CHECK-FIXES-NEXT:    count += truth;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return count;
// CHECK-FIXES-NEXT:}

int call_with_cleanup(PyObject *ref, PyObject *arg) {
  int rc = -1;
  PyObject *res = NULL;
  PyObject *cb = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (cb == NULL)
    goto done;
  if (cb == Py_None) {
    rc = 0;
    goto done;
  }
  res = PyObject_CallOneArg(cb, arg);
  if (res == NULL)
    goto done;
  rc = PyObject_IsTrue(res);
done:
  Py_XDECREF(res);
  return rc;
}
// CHECK-FIXES:int call_with_cleanup(PyObject *ref, PyObject *arg) {
// CHECK-FIXES-NEXT:  int rc = -1;
// CHECK-FIXES-NEXT:  PyObject *res = NULL;
// CHECK-FIXES-NEXT:  PyObject *cb;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &cb) < 0)
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-NEXT:  if (cb == NULL) {
// CHECK-FIXES-NEXT:    rc = 0;
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  res = PyObject_CallOneArg(cb, arg);
// CHECK-FIXES-NEXT:  Py_DECREF(cb);
// CHECK-FIXES-NEXT:  if (res == NULL)
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-NEXT:  rc = PyObject_IsTrue(res);
// CHECK-FIXES-NEXT:done:
// CHECK-FIXES-NEXT:  Py_XDECREF(res);
// CHECK-FIXES-NEXT:  return rc;
// CHECK-FIXES-NEXT:}

int call_twice(PyObject *ref, PyObject *arg) {
  PyObject *cb = PyWeakref_GET_OBJECT(ref);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyWeakref_GET_OBJECT' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (cb == Py_None)
    return 0;
  PyObject *a = PyObject_CallOneArg(cb, arg);
  if (a == NULL)
    return -1;
  PyObject *b = PyObject_CallOneArg(cb, a);
  Py_DECREF(a);
  if (b == NULL)
    return -1;
  Py_DECREF(b);
  return 1;
}
// CHECK-FIXES:int call_twice(PyObject *ref, PyObject *arg) {
// CHECK-FIXES-NEXT:  PyObject *cb;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(ref, &cb);
// CHECK-FIXES-NEXT:  if (cb == NULL)
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  PyObject *a = PyObject_CallOneArg(cb, arg);
// CHECK-FIXES-NEXT:  if (a == NULL) {
// CHECK-FIXES-NEXT:    Py_DECREF(cb);
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  PyObject *b = PyObject_CallOneArg(cb, a);
// CHECK-FIXES-NEXT:  Py_DECREF(cb);
// CHECK-FIXES-NEXT:  Py_DECREF(a);
// CHECK-FIXES-NEXT:  if (b == NULL)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  Py_DECREF(b);
// CHECK-FIXES-NEXT:  return 1;
// CHECK-FIXES-NEXT:}

int is_true_if_alive(PyObject *ref) {
  PyObject *obj = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (obj == NULL)
    return -1;
  if (obj != Py_None && PyObject_IsTrue(obj))
    return 1;
  return 0;
}
// CHECK-FIXES:int is_true_if_alive(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *obj;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &obj) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  if (obj != NULL && PyObject_IsTrue(obj)) {
// CHECK-FIXES-NEXT:    Py_DECREF(obj);
// CHECK-FIXES-NEXT:    return 1;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  Py_XDECREF(obj);
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

// A branch that is a whole macro statement (Py_RETURN_TRUE) gets braces and
// its release before the macro; after the if, the reference may be NULL.
PyObject *is_alive(PyObject *ref) {
  PyObject *obj = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (obj == NULL)
    return NULL;
  if (obj != Py_None && PyObject_IsTrue(obj))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}
// CHECK-FIXES:PyObject *is_alive(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *obj;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &obj) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  if (obj != NULL && PyObject_IsTrue(obj)) {
// CHECK-FIXES-NEXT:    Py_DECREF(obj);
// CHECK-FIXES-NEXT:    Py_RETURN_TRUE;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  Py_XDECREF(obj);
// CHECK-FIXES-NEXT:  Py_RETURN_FALSE;
// CHECK-FIXES-NEXT:}

// A return that reads the reference keeps its value in a temporary (named
// clear of the function's own names), releases, and returns it; a NULL test
// inside the value is rewritten there.
long alive_flag(PyObject *ref, long result) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (o != Py_None)
    result += PyObject_Hash(o);
  return result + (o != Py_None);
}
// CHECK-FIXES:long alive_flag(PyObject *ref, long result) {
// CHECK-FIXES-NEXT:  PyObject *o;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(ref, &o);
// CHECK-FIXES-NEXT:  if (o != NULL)
// CHECK-FIXES-NEXT:    result += PyObject_Hash(o);
// CHECK-FIXES-NEXT:  long result2 = result + (o != NULL);
// CHECK-FIXES-NEXT:  Py_XDECREF(o);
// CHECK-FIXES-NEXT:  return result2;
// CHECK-FIXES-NEXT:}

PyObject *call_or_none(PyObject *ref, PyObject *args) {
  PyObject *cb = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (cb == NULL)
    return NULL;
  if (cb == Py_None)
    Py_RETURN_NONE;
  else
    return PyObject_CallObject(cb, args);
}
// CHECK-FIXES:PyObject *call_or_none(PyObject *ref, PyObject *args) {
// CHECK-FIXES-NEXT:  PyObject *cb;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &cb) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  if (cb == NULL)
// CHECK-FIXES-NEXT:    Py_RETURN_NONE;
// CHECK-FIXES-NEXT:  else {
// CHECK-FIXES-NEXT:    PyObject *result = PyObject_CallObject(cb, args);
// CHECK-FIXES-NEXT:    Py_DECREF(cb);
// CHECK-FIXES-NEXT:    return result;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:}

// The call assigned to a local in a statement of its own: the statement
// becomes the call, or, with the error test on the next line, the test (not
// when a comment sits between them: the fix does not delete it).
PyObject *bound_method(PyObject *selfref, PyObject *func) {
  PyObject *im_self;
  im_self = PyWeakref_GET_OBJECT(selfref);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'PyWeakref_GET_OBJECT' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (im_self == Py_None)
    Py_RETURN_NONE;
  return PyMethod_New(func, im_self);
}
// CHECK-FIXES:PyObject *bound_method(PyObject *selfref, PyObject *func) {
// CHECK-FIXES-NEXT:  PyObject *im_self;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(selfref, &im_self);
// CHECK-FIXES-NEXT:  if (im_self == NULL)
// CHECK-FIXES-NEXT:    Py_RETURN_NONE;
// CHECK-FIXES-NEXT:  PyObject *result = PyMethod_New(func, im_self);
// CHECK-FIXES-NEXT:  Py_DECREF(im_self);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

PyObject *bound_method_checked(PyObject *selfref, PyObject *func) {
  PyObject *im_self = NULL;
  im_self = PyWeakref_GetObject(selfref);
  if (im_self == NULL)
    return NULL;
  // CHECK-NOTES: :[[@LINE-3]]:13: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (im_self == Py_None)
    Py_RETURN_NONE;
  return PyMethod_New(func, im_self);
}
// CHECK-FIXES:PyObject *bound_method_checked(PyObject *selfref, PyObject *func) {
// CHECK-FIXES-NEXT:  PyObject *im_self = NULL;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(selfref, &im_self) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  if (im_self == NULL)
// CHECK-FIXES-NEXT:    Py_RETURN_NONE;
// CHECK-FIXES-NEXT:  PyObject *result = PyMethod_New(func, im_self);
// CHECK-FIXES-NEXT:  Py_DECREF(im_self);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

// Another local initialized from the reference (through a cast) reads the
// same object: the reference is held until that local's last read too, here
// to the end of the branch, not released after the cast. Its truth test is
// fine where the object is known to be alive.
typedef struct {
  PyObject_HEAD
  PyObject *owner;
  int handle;
} Handle;

void detach_all(PyObject *owner, PyObject *refs) {
  Py_ssize_t n = PyList_GET_SIZE(refs);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *obj = PyWeakref_GetObject(PyList_GET_ITEM(refs, i));
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
    if (obj != Py_None) {
      Handle *handle = (Handle *)obj;
      if (handle && handle->owner == owner) {
        handle->owner = NULL;
        handle->handle = 0;
      }
    }
  }
}
// CHECK-FIXES:void detach_all(PyObject *owner, PyObject *refs) {
// CHECK-FIXES-NEXT:  Py_ssize_t n = PyList_GET_SIZE(refs);
// CHECK-FIXES-NEXT:  for (Py_ssize_t i = 0; i < n; i++) {
// CHECK-FIXES-NEXT:    PyObject *obj;
// CHECK-FIXES-NEXT:    PyWeakref_GetRef(PyList_GET_ITEM(refs, i), &obj);
// CHECK-FIXES-NEXT:    if (obj != NULL) {
// CHECK-FIXES-NEXT:      Handle *handle = (Handle *)obj;
// CHECK-FIXES-NEXT:      if (handle && handle->owner == owner) {
// CHECK-FIXES-NEXT:        handle->owner = NULL;
// CHECK-FIXES-NEXT:        handle->handle = 0;
// CHECK-FIXES-NEXT:      }
// CHECK-FIXES-NEXT:      Py_DECREF(obj);
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:}

// Releases that would go into both branches of an if (after the last read
// in one, where the other starts) become one release after the if: the
// reference is held to the end of the block that reads it, as a maintainer
// writes it.
int detach_or_count(PyObject *owner, PyObject *ref, PyObject *removed) {
  int live = 0;
  PyObject *obj = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (obj != Py_None) {
    Handle *handle = (Handle *)obj;
    if (handle->owner == owner) {
      handle->owner = NULL;
      PyList_Append(removed, ref);
    } else {
      live += 1;
    }
  }
  return live;
}
// CHECK-FIXES:int detach_or_count(PyObject *owner, PyObject *ref, PyObject *removed) {
// CHECK-FIXES-NEXT:  int live = 0;
// CHECK-FIXES-NEXT:  PyObject *obj;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(ref, &obj);
// CHECK-FIXES-NEXT:  if (obj != NULL) {
// CHECK-FIXES-NEXT:    Handle *handle = (Handle *)obj;
// CHECK-FIXES-NEXT:    if (handle->owner == owner) {
// CHECK-FIXES-NEXT:      handle->owner = NULL;
// CHECK-FIXES-NEXT:      PyList_Append(removed, ref);
// CHECK-FIXES-NEXT:    } else {
// CHECK-FIXES-NEXT:      live += 1;
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:    Py_DECREF(obj);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return live;
// CHECK-FIXES-NEXT:}

// A new reference returned to the caller (`Py_INCREF(o); return o;`, or
// `return Py_NewRef(o);`) where the object is alive: the strong reference is
// handed on, and the old code's own INCREF goes.
PyObject *target_of(PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (o == NULL)
    return NULL;
  if (o == Py_None) {
    PyErr_SetString(PyExc_ReferenceError, "the target is gone");
    return NULL;
  }
  Py_INCREF(o);
  return o;
}
// CHECK-FIXES:PyObject *target_of(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *o;
// CHECK-FIXES-NEXT:  if (PyWeakref_GetRef(ref, &o) < 0)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  if (o == NULL) {
// CHECK-FIXES-NEXT:    PyErr_SetString(PyExc_ReferenceError, "the target is gone");
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return o;
// CHECK-FIXES-NEXT:}

PyObject *target_or_none(PyObject *ref) {
  PyObject *o = PyWeakref_GET_OBJECT(ref);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyWeakref_GET_OBJECT' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  if (o == Py_None)
    Py_RETURN_NONE;
  return Py_NewRef(o);
}
// CHECK-FIXES:PyObject *target_or_none(PyObject *ref) {
// CHECK-FIXES-NEXT:  PyObject *o;
// CHECK-FIXES-NEXT:  PyWeakref_GetRef(ref, &o);
// CHECK-FIXES-NEXT:  if (o == NULL)
// CHECK-FIXES-NEXT:    Py_RETURN_NONE;
// CHECK-FIXES-NEXT:  return o;
// CHECK-FIXES-NEXT:}
