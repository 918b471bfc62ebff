/* Every kind of line the fixes insert (safety/crlf.test runs --fix on a
   CRLF copy): each function's comment names the kinds it gets. */
#include "crlf_shapes.h"

/* The view after the pointer's declaration; the copies at the start of a
   block; the release at the end of the block; a return that reads the
   pointer, rewritten on three lines. */
int copies_in_block(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == 0) {
    return (int)len + data[0];
  }
  return -1;
}

/* A pointer nothing else reads: its declaration's line goes, and the view
   is declared at its end (the shape that CRLF files got "the rewrites of the
   calls in this function overlap" for). */
int pointer_never_read(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
    return -1;
  return (int)len;
}

/* The release before the closing brace of the block that holds the view. */
void release_at_end(PyObject *obj, char *out) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return;
  if (len > 0)
    out[0] = data[0];
}

/* A return after a label that reads the pointer: its temporary in a block
   of its own, on new lines. */
int label_return(PyObject *a, PyObject *b) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
    return -1;
  if (PyLong_AsLong(b) < 0)
    goto done;
  len += 1;
done:
  return data[0] + (int)len;
}

/* The copies after an if without else. */
int copies_after_if(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}

/* A stored status whose length is read before the test: an if with the
   copies after the store. */
int stored_status(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  Py_ssize_t n = rc == 0 ? len : 0;
  if (rc < 0)
    return -1;
  return n ? data[0] : 0;
}

/* A stored status tested next: the copies after the test. */
int stored_status_tested(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  if (rc < 0)
    return -1;
  return len ? data[0] : 0;
}

/* An ignored status: the call becomes an if around the copies. */
int ignored_status(PyObject *obj) {
  const char *data = NULL;
  Py_ssize_t len = 0;
  PyObject_AsCharBuffer(obj, &data, &len);
  PyErr_Clear();
  return data && len ? data[0] : 0;
}

/* A goto past the view: the view at the top of the function; the release
   after the error label. */
int goto_error(PyObject *a, PyObject *b) {
  int ret = -1;
  if (PyLong_AsLong(b) < 0)
    goto error;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
    goto error;
  ret = (int)len + data[0];
error:
  return ret;
}

/* A pointer that is not a local: the view before the statement of the
   call, on its own line. */
struct holder {
  const char *data;
  Py_ssize_t len;
};

int member_pointer(PyObject *obj, struct holder *h) {
  if (PyObject_AsCharBuffer(obj, &h->data, &h->len) < 0)
    return -1;
  return h->data[0];
}

/* A branch that is not a block: wrapped in braces, on new lines. */
int branch_wrapped(PyObject *obj, int flag) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  if (flag)
    return data[0];
  return (int)len;
}

/* Two calls in one condition (under the Immediate strategy, a release at
   the start of the failure block, and after an if without else). */
int both_or(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) < 0 ||
      PyObject_AsCharBuffer(b, &y, &ylen) < 0) {
    return -1;
  }
  return (int)(xlen + ylen) + x[0] + y[0];
}

int both_and(PyObject *a, PyObject *b) {
  const char *x;
  Py_ssize_t xlen;
  const char *y;
  Py_ssize_t ylen;
  int r = -1;
  if (PyObject_AsCharBuffer(a, &x, &xlen) == 0 &&
      PyObject_AsCharBuffer(b, &y, &ylen) == 0) {
    r = (int)(xlen + ylen) + x[0] + y[0];
  }
  return r;
}

/* A private API whose replacement needs the compat header: its #include
   goes after the last line of crlf_shapes.h. */
int private_api(PyObject *o) { return _PyLong_AsInt(o); }
