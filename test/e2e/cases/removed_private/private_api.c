/* An extension written against the private API that CPython 3.13 removed:
 * the names extensions most often used. pycapi-removed-private-api migrates
 * it with CompatHeader=pythoncapi_compat.h; the result must behave the same
 * on 3.11 and 3.13. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *as_int(PyObject *self, PyObject *obj) {
  int value = _PyLong_AsInt(obj);
  if (value == -1 && PyErr_Occurred())
    return NULL;
  return PyLong_FromLong(value);
}

static PyObject *lookup(PyObject *self, PyObject *args) {
  PyObject *obj, *name, *value;
  if (!PyArg_ParseTuple(args, "OU", &obj, &name))
    return NULL;
  int found = _PyObject_LookupAttr(obj, name, &value);
  if (found < 0)
    return NULL;
  if (!found)
    Py_RETURN_NONE;
  return Py_BuildValue("(N)", value);
}

static PyObject *is_finalizing(PyObject *self, PyObject *unused) {
  return PyBool_FromLong(_Py_IsFinalizing());
}

static PyObject *has_interpreter(PyObject *self, PyObject *unused) {
  return PyBool_FromLong(_PyInterpreterState_Get() != NULL);
}

/* call(f, *args) through the vectorcall protocol. */
static PyObject *call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs < 1) {
    PyErr_SetString(PyExc_TypeError, "call() needs a callable");
    return NULL;
  }
  return _PyObject_FastCall(args[0], args + 1, nargs - 1);
}

static PyObject *double_time(PyObject *self, PyObject *obj) {
  _PyTime_t t = (_PyTime_t)PyLong_AsLongLong(obj);
  if (t == -1 && PyErr_Occurred())
    return NULL;
  return PyLong_FromLongLong((long long)(t * 2));
}

static PyObject *gc_finalized(PyObject *self, PyObject *obj) {
  return PyBool_FromLong(PyObject_IS_GC(obj) && _PyGC_FINALIZED(obj));
}

/* Already written for both APIs: the branch for older Pythons keeps the
 * private call, and no check touches it. */
static PyObject *extend(PyObject *self, PyObject *args) {
  PyObject *list, *items;
  if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &list, &items))
    return NULL;
#if PY_VERSION_HEX < 0x030D0000
  PyObject *none = _PyList_Extend((PyListObject *)list, items);
  if (!none)
    return NULL;
  Py_DECREF(none);
#else
  if (PyList_Extend(list, items) < 0)
    return NULL;
#endif
  Py_INCREF(list);
  return list;
}

static PyMethodDef methods[] = {
    {"as_int", as_int, METH_O, NULL},
    {"lookup", lookup, METH_VARARGS, NULL},
    {"is_finalizing", is_finalizing, METH_NOARGS, NULL},
    {"has_interpreter", has_interpreter, METH_NOARGS, NULL},
    {"call", (PyCFunction)(void (*)(void))call, METH_FASTCALL, NULL},
    {"double_time", double_time, METH_O, NULL},
    {"gc_finalized", gc_finalized, METH_O, NULL},
    {"extend", extend, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "private_api", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_private_api(void) { return PyModule_Create(&module); }
