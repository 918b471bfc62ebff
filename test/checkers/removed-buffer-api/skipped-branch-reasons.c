// RUN: %check_pycapi -check-suffixes=,311 %s pycapi-removed-buffer-api %t -- -- %py311 -DWITH_FAST_PATH -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffixes=,313 %s pycapi-removed-buffer-api %t-313 -- -- %py313 -DWITH_FAST_PATH -Wno-implicit-function-declaration

// Calls in code the preprocessor skips: the note says why the code is
// skipped, from the same evaluation of the #if chains as the rest of the
// check. "Delete it" only for code no Python 3 compiles; a configuration
// macro is named, with the option that compiles the code. Code only
// Pythons older than 3.13 compile keeps its call, whichever headers are
// parsed.

#include <Python.h>

int python2_only(PyObject *o, const char **s, Py_ssize_t *n) {
#if PY_MAJOR_VERSION < 3
  return PyObject_AsCharBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no Python 3 compiles this code ('#if PY_MAJOR_VERSION < 3'); delete it rather than migrate it
#else
  return 0;
#endif
}

int else_of_python3(PyObject *o, const void **s, Py_ssize_t *n) {
#if PY_MAJOR_VERSION >= 3
  return 0;
#else
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no Python 3 compiles this code ('#else (#if PY_MAJOR_VERSION >= 3)'); delete it rather than migrate it
#endif
}

int feature_and_python2(PyObject *o, const void **s, Py_ssize_t *n) {
#if defined(HAVE_ZLIB) && PY_MAJOR_VERSION < 3
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no Python 3 compiles this code ('#if defined(HAVE_ZLIB) && PY_MAJOR_VERSION < 3'); delete it rather than migrate it
#endif
  return 0;
}

// Live code in another configuration: never "delete it".
int feature(PyObject *o, const void **s, Py_ssize_t *n) {
#ifdef HAVE_ZLIB
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#ifdef HAVE_ZLIB'); migrate the call in the configuration that compiles it (run the tool again with -DHAVE_ZLIB)
#else
  return 0;
#endif
}

int command_line_macro(PyObject *o, const void **s, Py_ssize_t *n) {
#ifndef WITH_FAST_PATH
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#ifndef WITH_FAST_PATH'); migrate the call in the configuration that compiles it (run the tool again with -UWITH_FAST_PATH)
#endif
  return 0;
}

int pypy(PyObject *o, const void **s, Py_ssize_t *n) {
#if defined(PYPY_VERSION) && PY_VERSION_HEX >= 0x03080000
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#if defined(PYPY_VERSION) && PY_VERSION_HEX >= 0x03080000'); migrate the call in the configuration that compiles it (run the tool again with -DPYPY_VERSION)
#endif
  return 0;
}

// Support of Pythons before 3.13: compiled against 3.11, skipped against
// 3.13; never reported either way.
int older_pythons(PyObject *o, const void **s, Py_ssize_t *n) {
#if PY_VERSION_HEX < 0x030D0000
  return PyObject_AsReadBuffer(o, s, n);
#else
  Py_buffer view;
  if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0)
    return -1;
  *s = view.buf;
  *n = view.len;
  PyBuffer_Release(&view);
  return 0;
#endif
}

// Compiled by 3.13 only: against 3.11 it is read from the text.
int target_only(PyObject *o, const void **s, Py_ssize_t *n) {
#if PY_VERSION_HEX >= 0x030D0000 && defined(WITH_FAST_PATH)
  return PyObject_CheckReadBuffer(o) ? 0 : -1;
  // CHECK-NOTES-311: :[[@LINE-1]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES-311: :[[@LINE-2]]:10: note: the headers being parsed skip this code, which Python 3.13 compiles ('#if PY_VERSION_HEX >= 0x030D0000 && defined(WITH_FAST_PATH)'); run the tool against Python 3.13's headers to fix it
  // CHECK-NOTES-313: :[[@LINE-3]]:10: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES-313: :[[@LINE-4]]:10: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
  // CHECK-FIXES-313:  return PyObject_CheckBuffer(o) ? 0 : -1;
#else
  return 0;
#endif
}

// The options take the branch: flip its own macros and those of the earlier
// branch the build takes (WITH_FAST_PATH is given on the command line).
int later_branch(PyObject *o, const void **s, Py_ssize_t *n) {
#if defined(WITH_FAST_PATH)
  return 0;
#elif defined(HAVE_ZLIB)
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#elif defined(HAVE_ZLIB)'); migrate the call in the configuration that compiles it (run the tool again with -UWITH_FAST_PATH -DHAVE_ZLIB)
#else
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#else (#if defined(WITH_FAST_PATH))'); migrate the call in the configuration that compiles it (run the tool again with -UWITH_FAST_PATH)
#endif
}

// A project macro defined from the version is not a configuration macro
// whose value is known: the branch is not "dead".
#if PY_VERSION_HEX >= 0x030D0000
#  define MYPROJ_HAS_313 1
#else
#  define MYPROJ_HAS_313 0
#endif
int project_version_macro(PyObject *o, const void **s, Py_ssize_t *n) {
#if !MYPROJ_HAS_313 && defined(MYPROJ_LEGACY)
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#if !MYPROJ_HAS_313 && defined(MYPROJ_LEGACY)'); migrate the call in the configuration that compiles it (run the tool again with -DMYPROJ_LEGACY)
#endif
  return 0;
}
