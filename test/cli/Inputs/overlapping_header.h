#include <Python.h>

/* Configured differently (by the .clang-tidy of each unit's folder), the two
   translation units that include this header want edits here that overlap:
   one replaces the last statement, which reads the buffer, the other renames
   _PyLong_AsInt inside it. */
static inline int first_byte_or(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : _PyLong_AsInt(obj);
}
