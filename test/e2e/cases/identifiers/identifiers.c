/* An extension written with the _Py_IDENTIFIER API: the functions CPython
 * 3.13 removed, called with `&PyId_x`. pycapi-removed-private-api rewrites
 * them to the public functions that take the string, with
 * CompatHeader=pythoncapi_compat.h for those new in 3.13; the result must
 * behave the same on 3.11 and 3.13, errors and reference counts included. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

_Py_IDENTIFIER(value);
_Py_IDENTIFIER(flush);
_Py_IDENTIFIER(method);
_Py_static_string(PyId_key, "the key");

/* lookup(obj): (obj.value,), None when it is missing, or the error. */
static PyObject *lookup(PyObject *self, PyObject *obj) {
  PyObject *value;
  int found = _PyObject_LookupAttrId(obj, &PyId_value, &value);
  if (found < 0)
    return NULL;
  if (!found)
    Py_RETURN_NONE;
  return Py_BuildValue("(N)", value);
}

/* set_value(obj, v): obj.value = v. */
static PyObject *set_value(PyObject *self, PyObject *args) {
  PyObject *obj, *value;
  if (!PyArg_ParseTuple(args, "OO", &obj, &value))
    return NULL;
  if (_PyObject_SetAttrId(obj, &PyId_value, value) < 0)
    return NULL;
  Py_RETURN_NONE;
}

/* dict_set(d, v), dict_contains(d), dict_del(d): the key "the key". */
static PyObject *dict_set(PyObject *self, PyObject *args) {
  PyObject *dict, *value;
  if (!PyArg_ParseTuple(args, "OO", &dict, &value))
    return NULL;
  if (_PyDict_SetItemId(dict, &PyId_key, value) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *dict_contains(PyObject *self, PyObject *dict) {
  if (!PyDict_Check(dict)) {
    PyErr_SetString(PyExc_TypeError, "a dict is required");
    return NULL;
  }
  int found = _PyDict_ContainsId(dict, &PyId_key);
  if (found < 0)
    return NULL;
  return PyBool_FromLong(found);
}

static PyObject *dict_del(PyObject *self, PyObject *dict) {
  if (_PyDict_DelItemId(dict, &PyId_key) < 0)
    return NULL;
  Py_RETURN_NONE;
}

/* is_flush(s): s == "flush" (s must be a str). */
static PyObject *is_flush(PyObject *self, PyObject *s) {
  if (!PyUnicode_Check(s)) {
    PyErr_SetString(PyExc_TypeError, "a str is required");
    return NULL;
  }
  return PyBool_FromLong(_PyUnicode_EqualToASCIIId(s, &PyId_flush));
}

/* call0(obj), call1(obj, a), call2(obj, a, b), call_none(obj): obj.method
 * called with those arguments. */
static PyObject *call0(PyObject *self, PyObject *obj) {
  return _PyObject_CallMethodIdNoArgs(obj, &PyId_method);
}

static PyObject *call1(PyObject *self, PyObject *args) {
  PyObject *obj, *arg;
  if (!PyArg_ParseTuple(args, "OO", &obj, &arg))
    return NULL;
  return _PyObject_CallMethodIdOneArg(obj, &PyId_method, arg);
}

static PyObject *call2(PyObject *self, PyObject *args) {
  PyObject *obj, *a, *b;
  if (!PyArg_ParseTuple(args, "OOO", &obj, &a, &b))
    return NULL;
  return _PyObject_CallMethodIdObjArgs(obj, &PyId_method, a, b, NULL);
}

static PyObject *call_none(PyObject *self, PyObject *obj) {
  return _PyObject_CallMethodIdObjArgs(obj, &PyId_method, NULL);
}

static PyMethodDef methods[] = {
    {"lookup", lookup, METH_O, NULL},
    {"set_value", set_value, METH_VARARGS, NULL},
    {"dict_set", dict_set, METH_VARARGS, NULL},
    {"dict_contains", dict_contains, METH_O, NULL},
    {"dict_del", dict_del, METH_O, NULL},
    {"is_flush", is_flush, METH_O, NULL},
    {"call0", call0, METH_O, NULL},
    {"call1", call1, METH_VARARGS, NULL},
    {"call2", call2, METH_VARARGS, NULL},
    {"call_none", call_none, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "identifiers", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_identifiers(void) { return PyModule_Create(&module); }
