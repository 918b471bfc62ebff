/* Calls of removed names whose migration is a statement or expression
 * rewrite rather than a rename: PyEval_CallObject*, _PyLong_Format,
 * _PyUnicode_EqualToASCIIString, _PyNone_Type, the _PyArg_No* tests and the
 * old trashcan macros. test_private_calls.py runs the same checks on the
 * legacy build (3.11) and on the migrated one (3.11 and 3.13). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* call_object(f[, args]): args missing means NULL (no arguments). */
static PyObject *call_object(PyObject *self, PyObject *args) {
  PyObject *f, *call_args = NULL;
  if (!PyArg_ParseTuple(args, "O|O", &f, &call_args))
    return NULL;
  return PyEval_CallObject (f, call_args);
}

static PyObject *call_object_kw_null(PyObject *self, PyObject *args) {
  PyObject *f, *call_args = NULL;
  if (!PyArg_ParseTuple(args, "O|O", &f, &call_args))
    return NULL;
  return PyEval_CallObjectWithKeywords(f,
                                       call_args,
                                       NULL);
}

/* call_function(f, x): f(x), even when x is a tuple. */
static PyObject *call_function(PyObject *self, PyObject *args) {
  PyObject *f, *x;
  if (!PyArg_ParseTuple(args, "OO", &f, &x))
    return NULL;
  return PyEval_CallFunction(f, "(O)", x);
}

static PyObject *call_method(PyObject *self, PyObject *args) {
  PyObject *o, *x;
  const char *name;
  if (!PyArg_ParseTuple(args, "OsO", &o, &name, &x))
    return NULL;
  return PyEval_CallMethod(o, name, "(O)", x);
}

/* long_format(o, base) for the bases _PyLong_Format had, as literals. */
static PyObject *long_format(PyObject *self, PyObject *args) {
  PyObject *o;
  int base;
  if (!PyArg_ParseTuple(args, "Oi", &o, &base))
    return NULL;
  switch (base) {
  case 2:
    return _PyLong_Format(o, 2);
  case 8:
    return _PyLong_Format(o, 8);
  case 10:
    return _PyLong_Format(o, 10);
  case 16:
    return _PyLong_Format(o, 16);
  }
  PyErr_SetString(PyExc_ValueError, "unsupported base");
  return NULL;
}

static PyObject *equal_spam(PyObject *self, PyObject *u) {
  if (!PyUnicode_Check(u)) {
    PyErr_SetString(PyExc_TypeError, "a str is required");
    return NULL;
  }
  return PyBool_FromLong(_PyUnicode_EqualToASCIIString(u, "spam"));
}

static PyObject *none_type(PyObject *self, PyObject *unused) {
  PyObject *type = (PyObject *)&_PyNone_Type;
  Py_INCREF(type);
  return type;
}

static PyObject *not_implemented_type(PyObject *self, PyObject *unused) {
  PyObject *type = (PyObject *)&_PyNotImplemented_Type;
  Py_INCREF(type);
  return type;
}

static PyObject *none_type_name(PyObject *self, PyObject *unused) {
  return PyUnicode_FromString(_PyNone_Type.tp_name);
}

/* no_keywords(*args): the number of arguments; keywords are rejected. */
static PyObject *no_keywords(PyObject *self, PyObject *args, PyObject *kwds) {
  if (!_PyArg_NoKeywords("no_keywords", kwds)) return NULL;
  return PyLong_FromSsize_t(PyTuple_GET_SIZE(args));
}

/* no_positional(**kwargs): the number of keywords. */
static PyObject *no_positional(PyObject *self, PyObject *args,
                               PyObject *kwds) {
  if (!_PyArg_NoPositional("no_positional", args))
    return NULL;
  return PyLong_FromSsize_t(kwds ? PyDict_GET_SIZE(kwds) : 0);
}

/* no_kwnames(*args): vectorcall; keywords are rejected (an expression). */
static PyObject *no_kwnames(PyObject *self, PyObject *const *args,
                            Py_ssize_t nargs, PyObject *kwnames) {
  int ok = _PyArg_NoKwnames("no_kwnames", kwnames);
  if (!ok) {
    return NULL;
  }
  return PyLong_FromSsize_t(nargs);
}

/* Node(next=None): a linked chain, deallocated through the trashcan. */
typedef struct {
  PyObject_HEAD
  PyObject *next;
} NodeObject;

static PyObject *node_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  PyObject *next = Py_None;
  if (!PyArg_ParseTuple(args, "|O", &next))
    return NULL;
  NodeObject *self = (NodeObject *)type->tp_alloc(type, 0);
  if (self == NULL)
    return NULL;
  Py_INCREF(next);
  self->next = next;
  return (PyObject *)self;
}

static int node_traverse(NodeObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->next);
  return 0;
}

static int node_clear(NodeObject *self) {
  Py_CLEAR(self->next);
  return 0;
}

static void node_dealloc(NodeObject *self) {
  PyObject_GC_UnTrack(self);
  Py_TRASHCAN_SAFE_BEGIN(self);
  Py_CLEAR(self->next);
  Py_TYPE(self)->tp_free((PyObject *)self);
  Py_TRASHCAN_SAFE_END(self);
}

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "private_calls.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)node_traverse,
    .tp_clear = (inquiry)node_clear,
    .tp_new = node_new,
};

static PyMethodDef methods[] = {
    {"call_object", call_object, METH_VARARGS, NULL},
    {"call_object_kw_null", call_object_kw_null, METH_VARARGS, NULL},
    {"call_function", call_function, METH_VARARGS, NULL},
    {"call_method", call_method, METH_VARARGS, NULL},
    {"long_format", long_format, METH_VARARGS, NULL},
    {"equal_spam", equal_spam, METH_O, NULL},
    {"none_type", none_type, METH_NOARGS, NULL},
    {"not_implemented_type", not_implemented_type, METH_NOARGS, NULL},
    {"none_type_name", none_type_name, METH_NOARGS, NULL},
    {"no_keywords", (PyCFunction)(void (*)(void))no_keywords,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"no_positional", (PyCFunction)(void (*)(void))no_positional,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"no_kwnames", (PyCFunction)(void (*)(void))no_kwnames,
     METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "private_calls", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_private_calls(void) {
  if (PyType_Ready(&NodeType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module);
  if (m == NULL)
    return NULL;
  Py_INCREF(&NodeType);
  if (PyModule_AddObject(m, "Node", (PyObject *)&NodeType) < 0) {
    Py_DECREF(&NodeType);
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
