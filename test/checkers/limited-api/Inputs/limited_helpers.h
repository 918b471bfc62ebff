/* A user header: checked like the main file (when the header filter shows
 * its diagnostics). */
#ifdef Py_TRACE_REFS
#error "the Limited API cannot be used with Py_TRACE_REFS"
#endif

static inline PyObject *first_item(PyObject *t) {
  return PyTuple_GET_ITEM(t, 0);
}
