/* Parsed against 3.13's headers: HIDDEN, which the project defines for
   older Pythons only, is undefined, and Py_TRASHCAN_SAFE_BEGIN/END are gone.
   clang recovers from each error with a ';' fix-it. */
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
#define HIDDEN static
#endif

HIDDEN PyObject         *gs_name;
extern HIDDEN PyTypeObject chunkType;

typedef struct {
  PyObject_HEAD
  PyObject *x;
} Obj;

static void obj_dealloc(Obj *self) {
  PyObject_GC_UnTrack(self);
  Py_TRASHCAN_SAFE_BEGIN(self)
  Py_CLEAR(self->x);
  Py_TYPE(self)->tp_free((PyObject *)self);
  Py_TRASHCAN_SAFE_END(self)
}

int check(PyObject *obj) { return PyObject_CheckReadBuffer(obj); }
