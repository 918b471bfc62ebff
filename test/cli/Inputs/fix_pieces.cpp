// Fixes in many top-level declarations, for fix-pieces.test (C++). Each fixed line
// also holds an empty macro argument, which clang-format's cleanup deletes
// from the lines a fix touches: the fixed file shows which lines it judged
// touched. Between the declarations are the shapes that decide where
// pycapi-migrate may cut the file into pieces. (That cleanup changes what
// the macro receives, and the code no longer compiles: clang-tidy's --fix
// does the same, and pycapi-migrate writes what clang-tidy would write.)
#include <Python.h>

#define PICK(a, b, c) (a)
#define DECLARE_COUNTER(name) static int name##_count
#define USE_FULL 1

int one_line(PyObject *o) { return PICK(1, , 0) + PyObject_CheckReadBuffer(o); }

/* A comment between two functions. */
int after_comment(PyObject *o) {
  return PICK(2, , 0) + PyObject_CheckReadBuffer(o);
} /* a comment after the brace */
int after_trailing_comment(PyObject *o) {
  return PICK(3, , 0) + PyObject_CheckReadBuffer(o);
}
#if 1
int inside_if(PyObject *o) {
  return PICK(4, , 0) + PyObject_CheckReadBuffer(o);
}
int inside_if_too(PyObject *o) { return PICK(5, , 0) + PyObject_CheckReadBuffer(o); }
#endif
#if USE_FULL
int full(PyObject *o) { return PICK(14, , 0) + PyObject_CheckReadBuffer(o); }
int full_too(PyObject *o) { return PICK(15, , 0) + PyObject_CheckReadBuffer(o); }
#else
int full(PyObject *o) { return PICK(16, , 0); }
int full_too(PyObject *o) { return PICK(17, , 0); }
#endif
struct pair {
  int first, second;
}
pairs[2] = {{1, 2}, {3, 4}};
// The rename touches the '{', so the line of the '}' that closes it counts
// as touched, and clang-format's line goes on after the '}' to the ';'.
struct timer {_PyTime_t when;
}
timers = {PICK(12, , 0)};
int after_struct(PyObject *o) { return PICK(6, , 0) + PyObject_CheckReadBuffer(o); }
static int table[] = {
    1,
    2,
};
DECLARE_COUNTER(calls);
int after_macro(PyObject *o) { return PICK(7, , 0) + PyObject_CheckReadBuffer(o); }
int comment_before_body(PyObject *o) /* body */ {
  return PICK(8, , 0) + PyObject_CheckReadBuffer(o);
}
int after_comment_body(PyObject *o) { return PICK(9, , 0) + PyObject_CheckReadBuffer(o); }
// The fix inserts a declaration after the '{', which touches its line: the
// line of the '}' that closes it counts as touched, and so does the line
// that follows it on the same line of text.
Py_ssize_t moved_line(PyObject *o) {
  const char *data;
  Py_ssize_t size;
  if (PyObject_AsCharBuffer(o, &data, &size) < 0)
    return -1;
  return size;
} static int after_brace = PICK(11, , 0);
// A line continued with a backslash is a line of its own to clang-format.
static _PyTime_t continued = 1; \
static int after_continued = PICK(13, , 0);
int after_continuation(PyObject *o) { return PICK(10, , 0) + PyObject_CheckReadBuffer(o); }
int uses(PyObject *o) {
  return after_comment(o) + after_trailing_comment(o) + inside_if(o) +
         inside_if_too(o) + full(o) + full_too(o) + after_struct(o) + after_macro(o) +
         comment_before_body(o) + after_comment_body(o) + table[0] +
         pairs[0].first + calls_count + (int)continued + after_continued + after_continuation(o) +
         moved_line(o) + after_brace + (int)timers.when;
}
