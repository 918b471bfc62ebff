/* A system header (found through -isystem) that still uses the removed
 * functions: the check leaves it alone. */
#ifndef SYS_BUFFER_H
#define SYS_BUFFER_H
#include <Python.h>

static inline int sys_first_char(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}

#define SYS_IS_BUFFER(o) PyObject_CheckReadBuffer(o)

#endif
