/* The project's header, included by the main file. */
static PyObject *extend(PyObject *l, PyObject *it) {
  return _PyList_Extend((PyListObject *)l, it);
}
