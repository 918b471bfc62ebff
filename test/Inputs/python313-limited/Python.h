/* Mock CPython 3.13 Python.h for the Limited API tests: as in the real
 * headers, what the Limited API does not offer is hidden when Py_LIMITED_API
 * is defined, and what it offers only since some version is hidden for lower
 * targets. Several public macros expand to names that are not in the Limited
 * API themselves (_Py_NoneStruct, _Py_TYPE_impl, _PyTuple_ITEMS): a check
 * must never report those in user code. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

#define PyAPI_FUNC(RTYPE) RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE

typedef ptrdiff_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef struct _typeobject PyTypeObject;
typedef struct _object {
  Py_ssize_t ob_refcnt;
  PyTypeObject *ob_type;
} PyObject;
typedef struct PyModuleDef PyModuleDef;
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);

/* The Limited API since 3.2. */
PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);
PyAPI_DATA(PyObject) _Py_NoneStruct; /* abi_only: reached through Py_None */
static inline PyTypeObject *_Py_TYPE_impl(PyObject *ob) { return ob->ob_type; }
#define _PyObject_CAST(op) ((PyObject *)(op))
#define Py_INCREF(op) Py_IncRef(_PyObject_CAST(op))
#define Py_DECREF(op) Py_DecRef(_PyObject_CAST(op))
#define Py_None (&_Py_NoneStruct)
#define Py_RETURN_NONE return Py_INCREF(Py_None), Py_None
#define Py_TYPE(ob) _Py_TYPE_impl(_PyObject_CAST(ob))
#define PyMODINIT_FUNC PyObject *
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(void *) PyMem_Malloc(size_t);
PyAPI_FUNC(void) PyMem_Free(void *);
PyAPI_DATA(PyObject *) PyExc_TypeError;
PyAPI_FUNC(void) PyErr_SetString(PyObject *, const char *);
typedef struct PyType_Spec PyType_Spec;
/* In the Limited API until 3.14; abi_only since 3.15. */
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *);
#define METH_VARARGS 0x0001

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030A0000
PyAPI_DATA(PyObject *) PyExc_EncodingWarning;
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *);
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030B0000
typedef struct {
  void *buf;
  PyObject *obj;
  Py_ssize_t len;
} Py_buffer;
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030C0000
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << 63)
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030D0000
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *, PyModuleDef *);
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t, size_t);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *, size_t);
PyAPI_FUNC(void) PyMem_RawFree(void *);
PyAPI_FUNC(int) PySys_Audit(const char *, const char *, ...);
PyAPI_FUNC(int) PySys_AuditTuple(const char *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
#define Py_mod_gil 4
#define Py_MOD_GIL_USED ((void *)0)
/* A 3.13 macro that expands to a name the Limited API does not offer. */
#define Py_MOD_GIL_NOT_USED _Py_gil_not_used_marker
PyAPI_DATA(void *) _Py_gil_not_used_marker;
#endif

#ifndef Py_LIMITED_API
/* The full C API only. PyTypeObject is opaque in the Limited API. */
struct _typeobject {
  PyObject ob_base;
  Py_ssize_t ob_size;
  const char *tp_name;
  void (*tp_free)(void *);
};
typedef struct {
  PyObject ob_base;
  Py_ssize_t ob_size;
  PyObject *ob_item[1];
} PyTupleObject;
static inline PyObject **_PyTuple_ITEMS(PyObject *op) {
  return ((PyTupleObject *)op)->ob_item;
}
#define PyTuple_GET_ITEM(op, i) (_PyTuple_ITEMS(_PyObject_CAST(op))[i])
#define PyTuple_GET_SIZE(op) (((PyTupleObject *)(op))->ob_size)
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *);
PyAPI_DATA(PyTypeObject) PyCell_Type;
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTHON_H */
