/* Mock of what CPython 3.12 and 3.13 both declare, for the removed-api
 * checks (3.14 and 3.15 removed some of it). As in the real headers, public
 * macros expand to private names that the user did not write. */
#ifndef PYMOCK_SHARED_API_H
#define PYMOCK_SHARED_API_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef Py_ssize_t Py_hash_t;
typedef struct _is PyInterpreterState;
typedef struct _ts PyThreadState;
typedef void (*destructor)(PyObject *);
typedef struct {
  PyObject ob_base;
  Py_ssize_t ob_size;
  PyObject **ob_item;
} PyListObject;

PyInterpreterState *PyInterpreterState_Get(void);
PyThreadState *PyThreadState_Get(void);
PyObject *PyThreadState_GetDict(void);
PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args,
                              size_t nargsf, PyObject *kwnames);
PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs);
PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyObject_CallNoArgs(PyObject *callable);
PyObject *PyObject_GetAttrString(PyObject *obj, const char *name);
int PyObject_GC_IsFinalized(PyObject *op);
PyObject *PyImport_ImportModule(const char *name);
PyObject *PyList_New(Py_ssize_t size);
PyObject *PyDict_GetItemWithError(PyObject *dict, PyObject *key);

/* Removed in a 3.13 alpha and restored before 3.13.0: never reported. */
PyObject *_PyDict_NewPresized(Py_ssize_t minused);

/* Removed in 3.14 and 3.15 (_Py_InitializeMain only in 3.14). */
int _Py_InitializeMain(void);
int _PyTrash_begin(PyThreadState *tstate, PyObject *op);
void _PyTrash_end(PyThreadState *tstate);
PyObject *PyImport_ImportModuleNoBlock(const char *name);
PyObject *PyWeakref_GetObject(PyObject *ref);
static inline PyTypeObject *_Py_TYPE(PyObject *ob) { return ob->ob_type; }

#define TYPE_MAX_WATCHERS 8 /* removed in 3.14 */

/* 3.13 removed it from the limited C API only. */
#define PY_TIMEOUT_MAX 9223372036854775807LL

#define Py_TYPE(ob) _Py_TYPE((PyObject *)(ob))
/* Py_TRASHCAN_BEGIN(op, dealloc) is in the layouts' own headers. */
#define Py_TRASHCAN_END                                                       \
  if (_tstate)                                                                \
    _PyTrash_end(_tstate);                                                    \
  }                                                                           \
  while (0)                                                                   \
    ;

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_SHARED_API_H */
