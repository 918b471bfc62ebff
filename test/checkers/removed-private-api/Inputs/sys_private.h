/* A system header (-isystem) that uses removed private names. */
#include <Python.h>
static inline int sys_as_int(PyObject *o) { return _PyLong_AsInt(o); }
#define SYS_LOOKUP(o, n, r) _PyObject_LookupAttr(o, n, r)
