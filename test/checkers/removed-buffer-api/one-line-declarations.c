// RUN: %check_pycapi -crlf -check-suffixes=,C %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -check-suffixes=,C %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: g++ -O2 -Wall -Werror -c -o /dev/null %py311 %t.cpp

// Several declarations on one line: the view is declared on a line of its
// own after that whole line (after a comment that ends on it too), with the
// line's indentation, not in the middle of it. Where the code on the line
// cannot be closed off (a comment that goes on to the next line, or the call
// itself on that line), it goes right after the pointer's declaration, as
// before. (Where the view goes does not depend on ReleaseStrategy.)

#include <Python.h>

PyObject *several_on_one_line(PyObject *self, PyObject *args) {
    PyObject *buffer; char *data; Py_ssize_t len; int w, h;
    if (!PyArg_ParseTuple(args, "O(ii)", &buffer, &w, &h))
        return NULL;
    if (PyObject_AsCharBuffer(buffer, (const char **)&data, &len) == -1)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
        return NULL;
    if (len != (Py_ssize_t)w * h) {
        PyErr_SetString(PyExc_ValueError, "bad length");
        return NULL;
    }
    return PyBytes_FromStringAndSize(data, len);
}
// The view gets its own line after a line of several declarations.
// CHECK-FIXES:PyObject *several_on_one_line(PyObject *self, PyObject *args) {
// CHECK-FIXES-NEXT:    PyObject *buffer; char *data; Py_ssize_t len; int w, h;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    if (!PyArg_ParseTuple(args, "O(ii)", &buffer, &w, &h))
// CHECK-FIXES-NEXT:        return NULL;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(buffer, &data_view, PyBUF_SIMPLE) == -1)
// CHECK-FIXES-NEXT:        return NULL;
// CHECK-FIXES-NEXT:    data = (char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-NEXT:    if (len != (Py_ssize_t)w * h) {
// CHECK-FIXES-NEXT:        PyErr_SetString(PyExc_ValueError, "bad length");
// CHECK-FIXES-NEXT:        PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:        return NULL;
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:    PyObject *result = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return result;
// CHECK-FIXES-NEXT:}

int trailing_comment(PyObject *obj) {
  const char *p; Py_ssize_t n; /* the input */
  if (PyObject_AsCharBuffer(obj, &p, &n) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  int first = n > 0 ? p[0] : 0;
  return first;
}
// The view goes after a trailing comment that ends on the line.
// CHECK-FIXES:int trailing_comment(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *p; Py_ssize_t n; /* the input */
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {};
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &p_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:  n = p_view.len;
// CHECK-FIXES-NEXT:  int first = n > 0 ? p[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:  return first;
// CHECK-FIXES-NEXT:}

int comment_goes_on(PyObject *obj) {
  const char *p; Py_ssize_t n; /* the input,
                                  read once */
  if (PyObject_AsCharBuffer(obj, &p, &n) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  int first = n > 0 ? p[0] : 0;
  return first;
}
// A comment going on to the next line: the view follows the pointer.
// CHECK-FIXES:int comment_goes_on(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *p;
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0}; Py_ssize_t n; /* the input,
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {}; Py_ssize_t n; /* the input,
// CHECK-FIXES-NEXT:                                  read once */
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &p_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:  n = p_view.len;
// CHECK-FIXES-NEXT:  int first = n > 0 ? p[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:  return first;
// CHECK-FIXES-NEXT:}

int call_on_the_same_line(PyObject *obj) {
  const char *p; Py_ssize_t n; if (PyObject_AsCharBuffer(obj, &p, &n) < 0) return -1;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  int first = n > 0 ? p[0] : 0;
  return first;
}
// The call on the declaration line: the view follows the pointer.
// CHECK-FIXES:int call_on_the_same_line(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *p;
// CHECK-FIXES-C-NEXT:  Py_buffer p_view = {0}; Py_ssize_t n; if (PyObject_GetBuffer(obj, &p_view, PyBUF_SIMPLE) < 0) return -1;
// CHECK-FIXES-CXX-NEXT:  Py_buffer p_view = {}; Py_ssize_t n; if (PyObject_GetBuffer(obj, &p_view, PyBUF_SIMPLE) < 0) return -1;
// CHECK-FIXES-NEXT:  p = (const char *)p_view.buf;
// CHECK-FIXES-NEXT:  n = p_view.len;
// CHECK-FIXES-NEXT:  int first = n > 0 ? p[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&p_view);
// CHECK-FIXES-NEXT:  return first;
// CHECK-FIXES-NEXT:}

int two_pointers_one_line(PyObject *a, PyObject *b) {
	const char *x; const char *y; Py_ssize_t xl, yl;
	if (PyObject_AsCharBuffer(a, &x, &xl) < 0)
	// CHECK-NOTES: :[[@LINE-1]]:6: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
		return -1;
	if (PyObject_AsCharBuffer(b, &y, &yl) < 0)
	// CHECK-NOTES: :[[@LINE-1]]:6: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
	// CHECK-NOTES: :[[@LINE-2]]:6: note: rewritten by the fix of the call on line {{[0-9]+}}
		return -1;
	int sum = x[0] + y[0] + (int)(xl + yl);
	return sum;
}
// Two pointers on one line: both views after that line.
// CHECK-FIXES:int two_pointers_one_line(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:	const char *x; const char *y; Py_ssize_t xl, yl;
// CHECK-FIXES-C-NEXT:	Py_buffer x_view = {0};
// CHECK-FIXES-CXX-NEXT:	Py_buffer x_view = {};
// CHECK-FIXES-C-NEXT:	Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:	Py_buffer y_view = {};
// CHECK-FIXES-NEXT:	if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:		return -1;
// CHECK-FIXES-NEXT:	x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:	xl = x_view.len;
// CHECK-FIXES-NEXT:	if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0) {
// CHECK-FIXES-NEXT:		PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:		return -1;
// CHECK-FIXES-NEXT:	}
// CHECK-FIXES-NEXT:	y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:	yl = y_view.len;
// CHECK-FIXES-NEXT:	int sum = x[0] + y[0] + (int)(xl + yl);
// CHECK-FIXES-NEXT:	PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:	PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:	return sum;
// CHECK-FIXES-NEXT:}
