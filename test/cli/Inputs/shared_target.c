/* Code that only some builds compile, with a name for each removal check.
   Run alone or together, each check must say the same of it
   (checks-share-directive-work.test). */
#include <Python.h>

#if PY_VERSION_HEX >= 0x030D0000
/* Only 3.13 and later compile this: reported from its text. */
static int only_at_target(PyObject *obj, const char **data, Py_ssize_t *size) {
  PyObject *res = PyEval_CallObject(obj, NULL);
  Py_XDECREF(res);
  return _PyLong_AsInt(obj) + PyObject_AsCharBuffer(obj, data, size);
}
#endif

#ifdef HAVE_FAST_PATH
static int configured(PyObject *obj, const char **data, Py_ssize_t *size) {
  PyObject *res = PyEval_CallObject(obj, NULL);
  Py_XDECREF(res);
  return _PyLong_AsInt(obj) + PyObject_AsCharBuffer(obj, data, size);
}
#endif

int parsed(PyObject *obj, const char **data, Py_ssize_t *size) {
  PyObject *res = PyEval_CallObject(obj, NULL);
  Py_XDECREF(res);
  return _PyLong_AsInt(obj) + PyObject_AsCharBuffer(obj, data, size);
}
