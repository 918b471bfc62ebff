/* The shapes of PyWeakref_GetObject and PyWeakref_GET_OBJECT (removed in
 * Python 3.15) that pycapi-removed-api's StrongReferenceFixes rewrites into
 * PyWeakref_GetRef: an error test right after the call, tests against
 * Py_None, early returns while the object is used, a loop with continue, a
 * goto to a cleanup label, a short-circuit test, and a new reference
 * returned to the caller. The Python test checks
 * results, a dead referent, the error raised for an object that is not a
 * weak reference, and reference counts over many calls. */
#include <Python.h>

static PyObject *repr_of(PyObject *module, PyObject *ref) {
  PyObject *obj = PyWeakref_GetObject(ref);
  if (obj == NULL)
    return NULL;
  if (obj == Py_None) {
    return PyUnicode_FromString("<dead>");
  }
  PyObject *r = PyObject_Repr(obj);
  return r;
}

static PyObject *call_if_alive(PyObject *module, PyObject *ref) {
  PyObject *cb = PyWeakref_GetObject(ref);
  if (cb != Py_None) {
    PyObject *res = PyObject_CallNoArgs(cb);
    if (res == NULL)
      return NULL;
    Py_DECREF(res);
  }
  return PyLong_FromLong(cb != Py_None);
}

static PyObject *count_alive_true(PyObject *module, PyObject *refs) {
  long count = 0;
  if (!PyList_Check(refs)) {
    PyErr_SetString(PyExc_TypeError, "expected a list");
    return NULL;
  }
  Py_ssize_t n = PyList_GET_SIZE(refs);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *obj = PyWeakref_GetObject(PyList_GET_ITEM(refs, i));
    if (obj == NULL)
      return NULL;
    if (Py_None == obj)
      continue;
    int truth = PyObject_IsTrue(obj);
    if (truth < 0) return NULL;
    count += truth;
  }
  return PyLong_FromLong(count);
}

static PyObject *call_with_cleanup(PyObject *module, PyObject *args) {
  PyObject *ref, *arg;
  if (!PyArg_ParseTuple(args, "OO", &ref, &arg))
    return NULL;
  PyObject *result = NULL;
  PyObject *res = NULL;
  PyObject *cb = PyWeakref_GetObject(ref);
  if (cb == NULL)
    goto done;
  if (cb == Py_None) {
    result = Py_NewRef(Py_False);
    goto done;
  }
  res = PyObject_CallOneArg(cb, arg);
  if (res == NULL)
    goto done;
  result = PyBool_FromLong(PyObject_IsTrue(res));
done:
  Py_XDECREF(res);
  return result;
}

static PyObject *call_twice(PyObject *module, PyObject *args) {
  PyObject *ref, *arg;
  if (!PyArg_ParseTuple(args, "O!O", &_PyWeakref_RefType, &ref, &arg))
    return NULL;
  PyObject *cb = PyWeakref_GET_OBJECT(ref);
  if (cb == Py_None)
    Py_RETURN_NONE;
  PyObject *a = PyObject_CallOneArg(cb, arg);
  if (a == NULL)
    return NULL;
  PyObject *b = PyObject_CallOneArg(cb, a);
  Py_DECREF(a);
  return b;
}

static PyObject *is_true_if_alive(PyObject *module, PyObject *ref) {
  PyObject *obj = PyWeakref_GetObject(ref);
  if (obj == NULL)
    return NULL;
  if (obj != Py_None && PyObject_IsTrue(obj))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

static PyObject *target_of(PyObject *module, PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  if (o == NULL)
    return NULL;
  if (o == Py_None) {
    PyErr_SetString(PyExc_ReferenceError, "the target is gone");
    return NULL;
  }
  Py_INCREF(o);
  return o;
}

static PyObject *target_or_none(PyObject *module, PyObject *ref) {
  PyObject *o = PyWeakref_GetObject(ref);
  if (o == NULL)
    return NULL;
  if (o == Py_None)
    Py_RETURN_NONE;
  return Py_NewRef(o);
}

static PyMethodDef weakrefs_methods[] = {
    {"repr_of", repr_of, METH_O, NULL},
    {"call_if_alive", call_if_alive, METH_O, NULL},
    {"count_alive_true", count_alive_true, METH_O, NULL},
    {"call_with_cleanup", call_with_cleanup, METH_VARARGS, NULL},
    {"call_twice", call_twice, METH_VARARGS, NULL},
    {"is_true_if_alive", is_true_if_alive, METH_O, NULL},
    {"target_of", target_of, METH_O, NULL},
    {"target_or_none", target_or_none, METH_O, NULL},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef weakrefs_module = {
    PyModuleDef_HEAD_INIT, "weakrefs", NULL, -1, weakrefs_methods};

PyMODINIT_FUNC PyInit_weakrefs(void) { return PyModule_Create(&weakrefs_module); }
