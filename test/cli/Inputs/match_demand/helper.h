/* A header of the project's: its function calls a removed buffer function. */
static inline int helper_first_byte(PyObject *o) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(o, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}
