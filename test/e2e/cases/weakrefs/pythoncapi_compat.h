/* A minimal compatibility header written for this test (not a copy of
 * pythoncapi-compat): PyWeakref_GetRef (3.13) on older Pythons, as its
 * documentation describes it. Named like the real one, so that the checks
 * treat it as vendored and leave its uses of the old names alone. */
#ifndef E2E_PYTHONCAPI_COMPAT_H
#define E2E_PYTHONCAPI_COMPAT_H
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
static inline int PyWeakref_GetRef(PyObject *ref, PyObject **pobj) {
  PyObject *obj;
  if (ref == NULL || !PyWeakref_Check(ref)) {
    *pobj = NULL;
    PyErr_SetString(PyExc_TypeError, "expected a weakref");
    return -1;
  }
  obj = PyWeakref_GetObject(ref);
  if (obj == NULL) {
    *pobj = NULL;
    return -1;
  }
  if (obj == Py_None) {
    *pobj = NULL;
    return 0;
  }
  Py_INCREF(obj);
  *pobj = obj;
  return 1;
}
#endif

#endif /* E2E_PYTHONCAPI_COMPAT_H */
