// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -isystem %S/Inputs -Wno-deprecated-declarations

// Nothing to report: the removed names in comments and strings, project
// functions that share a prefix or a suffix with them, the new API itself,
// and code in a system header (including its macros used here). 3.11
// declares the removed functions deprecated: the system header's macro, used
// here and left alone, would fail the -Werror compile of the unchanged file.

#include <Python.h>
#include <sys_buffer.h>

/* PyObject_AsCharBuffer(obj, &data, &len) in a comment. */
// PyObject_CheckReadBuffer(obj) in a line comment.

static const char *doc = "PyObject_AsReadBuffer(obj, &data, &len)";

int PyObject_AsCharBufferEx(PyObject *obj, const char **data, Py_ssize_t *len);
int my_PyObject_AsWriteBuffer(PyObject *obj);

int prefix_and_suffix(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBufferEx(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] + doc[0] : my_PyObject_AsWriteBuffer(obj);
}

int system_header(PyObject *obj) {
  return sys_first_char(obj) + SYS_IS_BUFFER(obj);
}

int new_api(PyObject *obj) {
  Py_buffer view;
  if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
    return -1;
  int c = view.len ? ((const char *)view.buf)[0] : 0;
  PyBuffer_Release(&view);
  return c + PyObject_CheckBuffer(obj);
}
