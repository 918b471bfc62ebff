/* Mock of the names CPython 3.13 removed, declared as 3.12 declared them
 * (a selection: what the removed-private-api and removed-api tests use). */
#ifndef PYMOCK_REMOVED_API_H
#define PYMOCK_REMOVED_API_H
#include <stdint.h>
#include "../python313/pymock_shared_api.h"
#ifdef __cplusplus
extern "C" {
#endif

/* Struct members that 3.14 removed, laid out as 3.12/3.13 have them. */
typedef struct {
  PyObject ob_base;
  Py_ssize_t ma_used;
  uint64_t ma_version_tag;
} PyDictObject;
struct _ts {
  struct _ts *prev;
  struct _ts *next;
  int c_recursion_remaining;
  int py_recursion_remaining;
};

/* Private. */
typedef int64_t _PyTime_t;
#define _PyTime_MIN INT64_MIN
#define _PyTime_MAX INT64_MAX
_PyTime_t _PyTime_GetMonotonicClock(void);
int _PyLong_AsInt(PyObject *obj);
int _Py_IsFinalizing(void);
int _PyObject_LookupAttr(PyObject *obj, PyObject *name, PyObject **result);
PyObject *_PyObject_FastCall(PyObject *func, PyObject *const *args,
                             Py_ssize_t nargs);
PyObject *_PyList_Extend(PyListObject *list, PyObject *iterable);
PyObject *_PyDict_GetItemWithError(PyObject *dp, PyObject *key);
int _PyModule_Add(PyObject *module, const char *name, PyObject *value);
Py_hash_t _Py_HashBytes(const void *src, Py_ssize_t len);
PyObject *_PyThreadState_GetDict(PyThreadState *tstate);
void _PyErr_ChainExceptions(PyObject *type, PyObject *value, PyObject *tb);
PyObject *_PyImport_GetModuleAttrString(const char *module, const char *attr);
#define _PyInterpreterState_Get PyInterpreterState_Get
#define _PyGC_FINALIZED(o) PyObject_GC_IsFinalized(o)
#define _PyObject_HEAD_EXTRA
#define _PY_FASTCALL_SMALL_STACK 5
int _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key, PyObject *item,
                              Py_hash_t hash);

/* Public. */
PyObject *PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args,
                                        PyObject *kwargs);
#define PyEval_CallObject(callable, arg)                                      \
  PyEval_CallObjectWithKeywords(callable, arg, (PyObject *)NULL)
PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyCFunction_Call(PyObject *callable, PyObject *args,
                           PyObject *kwargs);
void PySys_AddWarnOption(const wchar_t *option);
void Py_SetPath(const wchar_t *path);
void PyEval_AcquireLock(void);
int PyEval_ThreadsInitialized(void);
/* As in 3.12, the documented Py_TRASHCAN_BEGIN expands to names that 3.13
 * removed (public and private); only the user's own spelling counts. */
int _PyTrash_cond(PyObject *op, destructor dealloc);
#define Py_TRASHCAN_BEGIN_CONDITION(op, cond)                                 \
  do {                                                                        \
    PyThreadState *_tstate = NULL;                                            \
    if (cond) {                                                               \
      _tstate = PyThreadState_Get();                                          \
      if (_PyTrash_begin(_tstate, (PyObject *)(op)))                          \
        break;                                                                \
    }
#define Py_TRASHCAN_BEGIN(op, dealloc)                                        \
  Py_TRASHCAN_BEGIN_CONDITION(                                                \
      (op), _PyTrash_cond((PyObject *)(op), (destructor)(dealloc)))
typedef int UsingDeprecatedTrashcanMacro;
#define Py_TRASHCAN_SAFE_BEGIN(op)                                            \
  do {                                                                        \
    UsingDeprecatedTrashcanMacro cond = 1;                                    \
    Py_TRASHCAN_BEGIN_CONDITION((op), cond);
#define Py_TRASHCAN_SAFE_END(op)                                              \
  Py_TRASHCAN_END                                                             \
  }                                                                           \
  while (0)                                                                   \
    ;
#define HAS_ARG(op) ((op) >= 90)

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_REMOVED_API_H */
