/* A project header that uses Python's API and relies on the file that
 * includes it for Python.h. */
static inline int pyuse_as_int(PyObject *o) { return _PyLong_AsInt(o); }
