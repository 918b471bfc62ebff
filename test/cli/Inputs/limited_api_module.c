#include <Python.h>

int audit(PyObject *mod, PyObject *t) {
  PyObject *m = PyType_GetModuleByDef(Py_TYPE(mod), 0);
  PyObject *a = PyTuple_GET_ITEM(t, 0);
  PyObject *b = PyTuple_GET_ITEM(t, 1);
  void *p = PyMem_RawMalloc(1);
  PyMem_RawFree(p);
  return m == a && a == b && PySys_Audit("event", "") == 0;
}
