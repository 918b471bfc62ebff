/* Mock pythoncapi_compat.h: the new names on the old mock Python. Like the
 * real one it uses the removed names on purpose; no check may report them. */
#ifndef PYTHONCAPI_COMPAT
#define PYTHONCAPI_COMPAT
#include <Python.h>
#ifdef __cplusplus
extern "C" {
#endif

#if PY_VERSION_HEX < 0x030D0000
typedef _PyTime_t PyTime_t;
#define PyTime_MAX _PyTime_MAX
static inline int PyLong_AsInt(PyObject *obj) { return _PyLong_AsInt(obj); }
static inline int Py_IsFinalizing(void) { return _Py_IsFinalizing(); }
static inline int PyObject_GetOptionalAttr(PyObject *obj, PyObject *name,
                                           PyObject **result) {
  return _PyObject_LookupAttr(obj, name, result);
}
static inline int PyModule_Add(PyObject *module, const char *name,
                               PyObject *value) {
#if PY_VERSION_HEX >= 0x030C0000
  return _PyModule_Add(module, name, value);
#else /* _PyModule_Add is new in 3.12 */
  int result = PyModule_AddObjectRef(module, name, value);
  Py_XDECREF(value);
  return result;
#endif
}
#endif

#ifdef __cplusplus
}
#endif
#endif /* PYTHONCAPI_COMPAT */
