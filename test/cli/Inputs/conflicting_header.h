#include <Python.h>

/* The buffer check's options come from the configuration of the translation
   unit's main file: units configured with different ReleaseStrategy values
   want different text here. */
static inline int first_byte(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}
