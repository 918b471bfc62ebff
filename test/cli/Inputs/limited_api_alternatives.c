#include <Python.h>

static PyTypeObject Counter_Type = {PyVarObject_HEAD_INIT(NULL, 0) "mod.Counter"};

PyObject *describe(PyObject *self, PyObject *args) {
  const char *type_name = Py_TYPE(self)->tp_name;
  const char *utf8 = PyUnicode_AsUTF8(PyTuple_GET_ITEM(args, 0));
  PyObject *second = PyTuple_GET_ITEM(args, 1);
  Py_ssize_t size = Py_TYPE(self)->tp_basicsize;
  PyObject *m = PyType_GetModuleByDef(Py_TYPE(self), 0);
  return PyUnicode_FromFormat("%s %s %zd %p %p %p", type_name, utf8, size,
                              (void *)second, (void *)m,
                              (void *)&Counter_Type);
}
