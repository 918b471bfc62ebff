/* Mock of what CPython 3.12 to 3.14 all declare (shared by the mock layouts).
 * Like the real headers, some public macros expand to private _Py names. */
#ifndef PYMOCK_CORE_H
#define PYMOCK_CORE_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef ptrdiff_t Py_ssize_t;
typedef struct _typeobject PyTypeObject;
typedef struct _object {
  Py_ssize_t ob_refcnt;
  PyTypeObject *ob_type;
} PyObject;

typedef struct {
  void *buf;
  PyObject *obj;
  Py_ssize_t len;
  Py_ssize_t itemsize;
  int readonly;
  int ndim;
  char *format;
  Py_ssize_t *shape;
  Py_ssize_t *strides;
  Py_ssize_t *suboffsets;
  void *internal;
} Py_buffer;

#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200

int PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags);
void PyBuffer_Release(Py_buffer *view);
int PyObject_CheckBuffer(PyObject *obj);

extern PyObject _Py_NoneStruct;
#define Py_None (&_Py_NoneStruct)
void _Py_IncRef(PyObject *op);
void _Py_DecRef(PyObject *op);
#define Py_INCREF(op) _Py_IncRef((PyObject *)(op))
#define Py_DECREF(op) _Py_DecRef((PyObject *)(op))
#define Py_RETURN_NONE return (Py_INCREF(Py_None), Py_None)

PyObject *PyErr_Occurred(void);
void PyErr_Clear(void);
void PyErr_SetString(PyObject *type, const char *message);
extern PyObject *PyExc_TypeError;
extern PyObject *PyExc_BufferError;
PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n);
PyObject *PyLong_FromSsize_t(Py_ssize_t v);
long PyLong_AsLong(PyObject *o);

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_CORE_H */
