/* The project's own stand-in for pythoncapi_compat.h (never the real
 * third-party file): the 3.13 names that the tests' fixes use, defined for
 * older Pythons from the names 3.13 removed, as the real file does. A check
 * must report none of those uses. */
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
static inline int PyList_Extend(PyObject *list, PyObject *iterable) {
  PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
  if (none == NULL)
    return -1;
  Py_DECREF(none);
  return 0;
}
#endif

#if PY_VERSION_HEX < 0x030D0000
static inline int PyObject_GetOptionalAttrString(PyObject *obj,
                                                 const char *name,
                                                 PyObject **result) {
  PyObject *name_obj = PyUnicode_FromString(name);
  if (name_obj == NULL) {
    *result = NULL;
    return -1;
  }
  int rc = PyObject_GetOptionalAttr(obj, name_obj, result);
  Py_DECREF(name_obj);
  return rc;
}
static inline int PyDict_ContainsString(PyObject *op, const char *key) {
  PyObject *key_obj = PyUnicode_FromString(key);
  if (key_obj == NULL)
    return -1;
  int rc = PyDict_Contains(op, key_obj);
  Py_DECREF(key_obj);
  return rc;
}
static inline int PyUnicode_EqualToUTF8(PyObject *unicode, const char *str) {
  return PyUnicode_Check(unicode) &&
         _PyUnicode_EqualToASCIIString(unicode, str);
}
#endif

/* PyWeakref_GetRef (3.13), as its documentation describes it: 1 and a new
 * reference, 0 and NULL for a dead referent, -1 and NULL on error. */
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

/* The borrowing getters that pycapi-modernize-frame-access writes (the real
 * header has them for every Python): the getter's new reference, released at
 * once, as the frame and the thread state keep the object alive. */
#include <frameobject.h>
static inline PyFrameObject *_PyFrame_GetBackBorrow(PyFrameObject *frame) {
  PyFrameObject *back = PyFrame_GetBack(frame);
  Py_XDECREF(back);
  return back;
}
static inline PyCodeObject *_PyFrame_GetCodeBorrow(PyFrameObject *frame) {
  PyCodeObject *code = PyFrame_GetCode(frame);
  Py_DECREF(code);
  return code;
}
static inline PyFrameObject *_PyThreadState_GetFrameBorrow(PyThreadState *ts) {
  PyFrameObject *frame = PyThreadState_GetFrame(ts);
  Py_XDECREF(frame);
  return frame;
}

#ifdef __cplusplus
}
#endif
#endif /* PYTHONCAPI_COMPAT */
