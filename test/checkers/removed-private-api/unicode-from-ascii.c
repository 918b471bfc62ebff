// _PyUnicode_FromASCII(buffer, size) -> PyUnicode_DecodeASCII(buffer, size,
// NULL), with the one difference said in a note; the fixed file compiles
// against 3.11 and real 3.13.
// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311
// RUN: gcc -fsyntax-only -Wall -Werror %py311 %t.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c
#include <Python.h>

PyObject *name(const char *text, Py_ssize_t size) {
  return _PyUnicode_FromASCII(text, size);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyUnicode_FromASCII' was removed in Python 3.13; use PyUnicode_DecodeASCII [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: PyUnicode_DecodeASCII() checks the bytes: non-ASCII input now raises UnicodeDecodeError where the old call made an invalid string
  // CHECK-FIXES:  return PyUnicode_DecodeASCII(text, size, NULL);
}
