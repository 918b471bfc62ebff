/* Removed private functions whose replacements are newer than the oldest
 * Python this extension supports: _PyList_Extend (statement and expression
 * forms), _PyErr_WriteUnraisableMsg (a version guard) and
 * _PyImport_GetModuleAttrString (a shim). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *items;
} Collector;

static void collector_dealloc(Collector *self) {
  Py_XDECREF(self->items);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *collector_new(PyTypeObject *type, PyObject *args,
                               PyObject *kwds) {
  Collector *self = (Collector *)type->tp_alloc(type, 0);
  if (self == NULL)
    return NULL;
  self->items = PyList_New(0);
  if (self->items == NULL) {
    Py_DECREF(self);
    return NULL;
  }
  return (PyObject *)self;
}

/* The statement form: the result is only tested and released. */
static PyObject *collector_extend(Collector *self, PyObject *iterable) {
  PyObject *retVal = _PyList_Extend((PyListObject *)self->items, iterable);
  if (retVal == NULL) {
    return NULL;
  }

  Py_DECREF(retVal);
  Py_INCREF(self);
  return (PyObject *)self;
}

static PyObject *collector_items(Collector *self, PyObject *unused) {
  return PyList_AsTuple(self->items);
}

static PyMethodDef collector_methods[] = {
    {"extend", (PyCFunction)collector_extend, METH_O, NULL},
    {"items", (PyCFunction)collector_items, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyTypeObject CollectorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "newer.Collector",
    .tp_basicsize = sizeof(Collector),
    .tp_dealloc = (destructor)collector_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = collector_methods,
    .tp_new = collector_new,
};

/* The expression form: the result (None) is returned. */
static PyObject *extend_list(PyObject *module, PyObject *args) {
  PyObject *list, *iterable;
  if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &list, &iterable))
    return NULL;
  return _PyList_Extend((PyListObject *)list, iterable);
}

/* Calls func(); an exception it raises goes to sys.unraisablehook with
 * "Exception ignored " + where as the message. */
static PyObject *call_unraisable(PyObject *module, PyObject *args) {
  PyObject *func;
  const char *where;
  if (!PyArg_ParseTuple(args, "Os", &func, &where))
    return NULL;
  PyObject *result = PyObject_CallNoArgs(func);
  if (result == NULL) {
    _PyErr_WriteUnraisableMsg(where, NULL);
    Py_RETURN_FALSE;
  }
  Py_DECREF(result);
  Py_RETURN_TRUE;
}

static PyObject *module_attr(PyObject *module, PyObject *args) {
  const char *mod_name, *attr_name;
  if (!PyArg_ParseTuple(args, "ss", &mod_name, &attr_name))
    return NULL;
  return _PyImport_GetModuleAttrString(mod_name, attr_name);
}

static PyObject *json_dumps(PyObject *module, PyObject *obj) {
  PyObject *dumps = _PyImport_GetModuleAttrString("json", "dumps");
  if (dumps == NULL)
    return NULL;
  PyObject *text = PyObject_CallOneArg(dumps, obj);
  Py_DECREF(dumps);
  return text;
}

static PyMethodDef newer_methods[] = {
    {"extend_list", extend_list, METH_VARARGS, NULL},
    {"call_unraisable", call_unraisable, METH_VARARGS, NULL},
    {"module_attr", module_attr, METH_VARARGS, NULL},
    {"json_dumps", json_dumps, METH_O, NULL},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef newer_module = {PyModuleDef_HEAD_INIT, "newer", NULL,
                                          -1, newer_methods};

PyMODINIT_FUNC PyInit_newer(void) {
  if (PyType_Ready(&CollectorType) < 0)
    return NULL;
  PyObject *module = PyModule_Create(&newer_module);
  if (module == NULL)
    return NULL;
  Py_INCREF(&CollectorType);
  if (PyModule_AddObject(module, "Collector", (PyObject *)&CollectorType) < 0) {
    Py_DECREF(&CollectorType);
    Py_DECREF(module);
    return NULL;
  }
  return module;
}
