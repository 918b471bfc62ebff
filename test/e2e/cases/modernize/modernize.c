/* An extension written in the style of Python 2 and early Python 3: object
 * header fields read and written directly, comparisons with the singletons,
 * the macro spellings of the allocators and statement-pair reference
 * counting. It builds on 3.11 and 3.13 as it is; pycapi-modernize-* rewrite
 * it into the current C API, which must behave the same. */
#include <Python.h>
#include <string.h>

typedef struct {
  PyObject_HEAD
  PyObject *value;
} BoxObject;

static void box_dealloc(BoxObject *self) {
  Py_XDECREF(self->value);
  self->value = NULL;
  PyObject_DEL(self);
}

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "modernize.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_dealloc = (destructor)box_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* The same layout under another name: retype() moves a box to it. */
static PyTypeObject OtherBoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "modernize.OtherBox",
    .tp_basicsize = sizeof(BoxObject),
    .tp_dealloc = (destructor)box_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject *box(PyObject *module, PyObject *value) {
  BoxObject *self = PyObject_NEW(BoxObject, &BoxType);
  if (self == NULL)
    return NULL;
  Py_INCREF(value);
  self->value = value;
  return (PyObject *)self;
}

static PyObject *unbox(PyObject *module, PyObject *obj) {
  PyObject *value;
  if (obj->ob_type != &BoxType && ((PyObject *)obj)->ob_type != &OtherBoxType) {
    PyErr_SetString(PyExc_TypeError, "not a box");
    return NULL;
  }
  value = ((BoxObject *)obj)->value;
  Py_INCREF(value);
  return value;
}

static PyObject *rebox(PyObject *module, PyObject *args) {
  PyObject *obj, *value;
  if (!PyArg_ParseTuple(args, "O!O", &BoxType, &obj, &value))
    return NULL;
  BoxObject *self = (BoxObject *)obj;
  Py_DECREF(self->value);
  Py_INCREF(value);
  self->value = value;
  Py_RETURN_NONE;
}

static PyObject *retype(PyObject *module, PyObject *obj) {
  if (obj->ob_type != &BoxType) {
    PyErr_SetString(PyExc_TypeError, "not a box");
    return NULL;
  }
  obj->ob_type = &OtherBoxType;
  Py_INCREF(obj);
  return obj;
}

static PyObject *type_name(PyObject *module, PyObject *obj) {
  return PyUnicode_FromString(obj->ob_type->tp_name);
}

/* 0 for None, 1 for True, 2 for False, 3 for an int, 4 otherwise. */
static PyObject *kind(PyObject *module, PyObject *obj) {
  long k = 4;
  if (obj == Py_None)
    k = 0;
  else if (Py_True == obj)
    k = 1;
  else if (obj != Py_False && obj->ob_type == &PyLong_Type)
    k = 3;
  else if (obj != Py_True && obj != Py_None && !PyLong_Check(obj))
    k = 4;
  else
    k = 2;
  return PyLong_FromLong(k);
}

static PyObject *tuple_size(PyObject *module, PyObject *obj) {
  if (!PyTuple_Check(obj)) {
    PyErr_SetString(PyExc_TypeError, "not a tuple");
    return NULL;
  }
  return PyLong_FromSsize_t(((PyVarObject *)obj)->ob_size);
}

static PyObject *has_refs(PyObject *module, PyObject *obj) {
  return PyBool_FromLong(obj->ob_refcnt > 0);
}

static PyObject *has_interpreter(PyObject *module, PyObject *unused) {
  PyThreadState *ts = PyThreadState_Get();
  return PyBool_FromLong(ts->interp != NULL);
}

static PyObject *copy_bytes(PyObject *module, PyObject *obj) {
  char *buffer;
  Py_ssize_t size;
  PyObject *result;
  if (!PyBytes_Check(obj)) {
    PyErr_SetString(PyExc_TypeError, "not bytes");
    return NULL;
  }
  size = PyBytes_GET_SIZE(obj);
  buffer = PyMem_MALLOC(size + 1);
  if (buffer == NULL)
    return PyErr_NoMemory();
  memcpy(buffer, PyBytes_AS_STRING(obj), size);
  buffer = PyMem_REALLOC(buffer, size + 2);
  result = PyBytes_FromStringAndSize(buffer, size);
  PyMem_FREE(buffer);
  return result;
}

static PyObject *swap_cached(PyObject *module, PyObject *value) {
  static PyObject *cached = NULL;
  PyObject *old = cached;
  cached = value;
  Py_XINCREF(cached);
  Py_XDECREF(old);
  if (cached == Py_None) {
    Py_XDECREF(cached);
    cached = NULL;
  }
  Py_RETURN_NONE;
}

/* The old value saved in a variable declared apart, as C89 code had it. */
static PyObject *replace_value(PyObject *module, PyObject *args) {
  PyObject *obj, *value;
  PyObject *old;
  if (!PyArg_ParseTuple(args, "O!O", &BoxType, &obj, &value))
    return NULL;
  Py_INCREF(value);
  old = ((BoxObject *)obj)->value;
  ((BoxObject *)obj)->value = value;
  Py_DECREF(old);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"box", box, METH_O, NULL},
    {"unbox", unbox, METH_O, NULL},
    {"rebox", rebox, METH_VARARGS, NULL},
    {"retype", retype, METH_O, NULL},
    {"type_name", type_name, METH_O, NULL},
    {"kind", kind, METH_O, NULL},
    {"tuple_size", tuple_size, METH_O, NULL},
    {"has_refs", has_refs, METH_O, NULL},
    {"has_interpreter", has_interpreter, METH_NOARGS, NULL},
    {"copy_bytes", copy_bytes, METH_O, NULL},
    {"swap_cached", swap_cached, METH_O, NULL},
    {"replace_value", replace_value, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "modernize", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_modernize(void) {
  if (PyType_Ready(&BoxType) < 0 || PyType_Ready(&OtherBoxType) < 0)
    return NULL;
  return PyModule_Create(&module_def);
}
