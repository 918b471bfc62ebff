/* An abi3 extension that targets 3.12 but calls what 3.13 added to the
 * Limited API: PyMem_Raw*, PySys_Audit, PySys_AuditTuple and
 * PyType_GetModuleByDef. pycapi-limited-api reports each call; the e2e test
 * (test/e2e/limited_api.py) raises Py_LIMITED_API as the check says, builds
 * the module against CPython 3.13 and runs test_abi3ext.py. */
#define Py_LIMITED_API 0x030C0000
#include <Python.h>
#include <string.h>

static PyModuleDef abi3ext_def;

/* Fills a raw buffer, grows it, and returns its bytes. */
static PyObject *raw_roundtrip(PyObject *self, PyObject *arg) {
  Py_ssize_t n = PyLong_AsSsize_t(arg);
  if (n < 0) {
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_ValueError, "size must be >= 0");
    return NULL;
  }
  char *zeros = PyMem_RawCalloc((size_t)n + 1, 1);
  char *buf = PyMem_RawMalloc((size_t)n + 1);
  if (!zeros || !buf) {
    PyMem_RawFree(zeros);
    PyMem_RawFree(buf);
    return PyErr_NoMemory();
  }
  for (Py_ssize_t i = 0; i < n; i++)
    buf[i] = (char)('a' + i % 26);
  char *grown = PyMem_RawRealloc(buf, 2 * (size_t)n + 1);
  if (!grown) {
    PyMem_RawFree(zeros);
    PyMem_RawFree(buf);
    return PyErr_NoMemory();
  }
  memcpy(grown + n, zeros, (size_t)n);
  PyMem_RawFree(zeros);
  PyObject *result = PyBytes_FromStringAndSize(grown, 2 * n);
  PyMem_RawFree(grown);
  return result;
}

static PyObject *audit(PyObject *self, PyObject *args) {
  const char *event;
  PyObject *value;
  if (!PyArg_ParseTuple(args, "sO", &event, &value))
    return NULL;
  if (PySys_Audit(event, "O", value) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *audit_tuple(PyObject *self, PyObject *args) {
  const char *event;
  PyObject *tuple;
  if (!PyArg_ParseTuple(args, "sO!", &event, &PyTuple_Type, &tuple))
    return NULL;
  if (PySys_AuditTuple(event, tuple) < 0)
    return NULL;
  Py_RETURN_NONE;
}

/* The module that defined obj's type, found through the type. */
static PyObject *module_of(PyObject *self, PyObject *obj) {
  PyObject *module = PyType_GetModuleByDef(Py_TYPE(obj), &abi3ext_def);
  if (!module)
    return NULL;
  return Py_NewRef(module);
}

static PyType_Slot thing_slots[] = {{0, NULL}};
static PyType_Spec thing_spec = {"abi3ext.Thing", 0, 0,
                                 Py_TPFLAGS_DEFAULT, thing_slots};

static int abi3ext_exec(PyObject *module) {
  PyObject *thing = PyType_FromModuleAndSpec(module, &thing_spec, NULL);
  if (!thing)
    return -1;
  int rc = PyModule_AddObjectRef(module, "Thing", thing);
  Py_DECREF(thing);
  return rc;
}

static PyMethodDef abi3ext_methods[] = {
    {"raw_roundtrip", raw_roundtrip, METH_O, NULL},
    {"audit", audit, METH_VARARGS, NULL},
    {"audit_tuple", audit_tuple, METH_VARARGS, NULL},
    {"module_of", module_of, METH_O, NULL},
    {NULL, NULL, 0, NULL}};

static PyModuleDef_Slot abi3ext_slots[] = {{Py_mod_exec, abi3ext_exec},
                                           {0, NULL}};

static PyModuleDef abi3ext_def = {PyModuleDef_HEAD_INIT, "abi3ext", NULL, 0,
                                  abi3ext_methods, abi3ext_slots};

PyMODINIT_FUNC PyInit_abi3ext(void) { return PyModuleDef_Init(&abi3ext_def); }
