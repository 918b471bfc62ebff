/* A minimal compatibility header written for this test (not a copy of
 * pythoncapi-compat): the public functions of 3.13 that the migration
 * introduces, on the Pythons that predate them, written from their
 * documented behaviour. Named like the real one, so that the checks treat
 * it as vendored and leave its uses of the old names alone. */
#ifndef E2E_PYTHONCAPI_COMPAT_H
#define E2E_PYTHONCAPI_COMPAT_H
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
static inline int PyObject_GetOptionalAttrString(PyObject *obj,
                                                 const char *name,
                                                 PyObject **result) {
  PyObject *name_obj = PyUnicode_FromString(name);
  if (name_obj == NULL) {
    *result = NULL;
    return -1;
  }
  int rc = _PyObject_LookupAttr(obj, name_obj, result);
  Py_DECREF(name_obj);
  return rc;
}

static inline int PyDict_ContainsString(PyObject *dict, const char *key) {
  PyObject *key_obj = PyUnicode_FromString(key);
  if (key_obj == NULL)
    return -1;
  int rc = PyDict_Contains(dict, key_obj);
  Py_DECREF(key_obj);
  return rc;
}

/* 1 when unicode is a str equal to the UTF-8 string, else 0; never fails. */
static inline int PyUnicode_EqualToUTF8(PyObject *unicode, const char *str) {
  if (!PyUnicode_Check(unicode))
    return 0;
  PyObject *other = PyUnicode_FromString(str);
  if (other == NULL) {
    PyErr_Clear();
    return 0;
  }
  int equal = PyUnicode_Compare(unicode, other) == 0;
  Py_DECREF(other);
  return equal;
}
#endif

#endif /* E2E_PYTHONCAPI_COMPAT_H */
