// A module laid out as CPython's Modules/xxlimited.c: pyconfig.h, then
// Py_LIMITED_API unless the build is free-threaded, then Python.h; a heap
// type from a spec, module state, multi-phase initialization. Everything it
// uses is in the Limited API of 3.10: no finding, and it compiles.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311

#include "pyconfig.h"   // Py_GIL_DISABLED
#ifndef Py_GIL_DISABLED
#  define Py_LIMITED_API 0x030A0000
#endif

#include "Python.h"
#include <string.h>

typedef struct {
  PyObject *Counter_Type;
  PyObject *Error;
} counter_state;

typedef struct {
  PyObject_HEAD
  long value;
  PyObject *label;
} CounterObject;

static counter_state *
counter_get_state(PyObject *module)
{
  return (counter_state *)PyModule_GetState(module);
}

static int
Counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->label);
  return 0;
}

static int
Counter_clear(CounterObject *self)
{
  Py_CLEAR(self->label);
  return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
  PyObject *tp = (PyObject *)Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  Counter_clear(self);
  freefunc tp_free = (freefunc)PyType_GetSlot((PyTypeObject *)tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

static PyObject *
Counter_increment(CounterObject *self, PyObject *args)
{
  long step = 1;
  if (!PyArg_ParseTuple(args, "|l:increment", &step)) {
    return NULL;
  }
  if (step < 0) {
    PyObject *module = PyType_GetModule(Py_TYPE(self));
    if (module == NULL) {
      return NULL;
    }
    PyErr_SetString(counter_get_state(module)->Error, "negative step");
    return NULL;
  }
  self->value += step;
  return PyLong_FromLong(self->value);
}

static PyObject *
Counter_label(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
  if (self->label == NULL) {
    Py_RETURN_NONE;
  }
  return Py_NewRef(self->label);
}

static PyMethodDef Counter_methods[] = {
  {"increment", (PyCFunction)Counter_increment, METH_VARARGS,
   PyDoc_STR("increment(step=1) -> new value")},
  {"label", (PyCFunction)Counter_label, METH_NOARGS, PyDoc_STR("the label")},
  {NULL, NULL, 0, NULL}
};

static PyType_Slot Counter_slots[] = {
  {Py_tp_doc, "A counter"},
  {Py_tp_traverse, Counter_traverse},
  {Py_tp_clear, Counter_clear},
  {Py_tp_dealloc, Counter_dealloc},
  {Py_tp_methods, Counter_methods},
  {0, 0},
};

static PyType_Spec Counter_spec = {
  "countermod.Counter",
  sizeof(CounterObject),
  0,
  Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
  Counter_slots,
};

static int
countermod_exec(PyObject *module)
{
  counter_state *state = counter_get_state(module);
  state->Error = PyErr_NewException("countermod.error", NULL, NULL);
  if (state->Error == NULL || PyModule_AddObjectRef(module, "error", state->Error) < 0) {
    return -1;
  }
  state->Counter_Type = PyType_FromModuleAndSpec(module, &Counter_spec, NULL);
  if (state->Counter_Type == NULL ||
      PyModule_AddType(module, (PyTypeObject *)state->Counter_Type) < 0) {
    return -1;
  }
  return PyModule_AddIntConstant(module, "LIMIT", (long)strlen("limit"));
}

static int
countermod_traverse(PyObject *module, visitproc visit, void *arg)
{
  counter_state *state = counter_get_state(module);
  Py_VISIT(state->Counter_Type);
  Py_VISIT(state->Error);
  return 0;
}

static int
countermod_clear(PyObject *module)
{
  counter_state *state = counter_get_state(module);
  Py_CLEAR(state->Counter_Type);
  Py_CLEAR(state->Error);
  return 0;
}

static void
countermod_free(void *module)
{
  countermod_clear((PyObject *)module);
}

static PyModuleDef_Slot countermod_slots[] = {
  {Py_mod_exec, countermod_exec},
  {0, NULL}
};

static struct PyModuleDef countermod_def = {
  PyModuleDef_HEAD_INIT,
  "countermod",
  PyDoc_STR("A module laid out as CPython's limited example module."),
  sizeof(counter_state),
  NULL,
  countermod_slots,
  countermod_traverse,
  countermod_clear,
  countermod_free,
};

PyMODINIT_FUNC
PyInit_countermod(void)
{
  return PyModuleDef_Init(&countermod_def);
}
