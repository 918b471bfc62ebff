/* A minimal compatibility header written for this test (not a copy of
 * pythoncapi-compat): the public names the migration introduces, on the
 * Pythons that predate them. Named like the real one, so that the checks
 * treat it as vendored and leave its uses of the old names alone. */
#ifndef E2E_PYTHONCAPI_COMPAT_H
#define E2E_PYTHONCAPI_COMPAT_H
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
static inline int PyList_Extend(PyObject *list, PyObject *iterable) {
  PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
  if (none == NULL)
    return -1;
  Py_DECREF(none);
  return 0;
}
#endif

#endif /* E2E_PYTHONCAPI_COMPAT_H */
