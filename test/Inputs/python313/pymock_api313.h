/* Mock of the public API that CPython 3.13 added to replace removed names. */
#ifndef PYMOCK_API313_H
#define PYMOCK_API313_H
#include "pymock_shared_api.h"
#ifdef __cplusplus
extern "C" {
#endif

/* The structs without the members 3.14 removed (ma_version_tag,
 * c_recursion_remaining): this mock stands in for headers that no longer
 * have them. */
typedef struct {
  PyObject ob_base;
  Py_ssize_t ma_used;
} PyDictObject;
struct _ts {
  struct _ts *prev;
  struct _ts *next;
  int py_recursion_remaining;
};

typedef int64_t PyTime_t;
#define PyTime_MIN INT64_MIN
#define PyTime_MAX INT64_MAX
int PyLong_AsInt(PyObject *obj);
int Py_IsFinalizing(void);
int PyObject_GetOptionalAttr(PyObject *obj, PyObject *name, PyObject **result);
int PyList_Extend(PyObject *list, PyObject *iterable);
int PyModule_Add(PyObject *module, const char *name, PyObject *value);
int PyDict_GetItemRef(PyObject *dict, PyObject *key, PyObject **result);
int PyTime_Monotonic(PyTime_t *result);

#define Py_TRASHCAN_BEGIN(op, dealloc)                                        \
  do {                                                                        \
    PyThreadState *_tstate = PyThreadState_Get();                             \
    if (_PyTrash_begin(_tstate, (PyObject *)(op)))                            \
      break;

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_API313_H */
