// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// Why code is skipped is worked out only for the code a finding is in,
// after the whole file is read (checks/utils/TargetBranches.cpp,
// classifyChain). It must still be judged by the macros as they were at
// each directive: a macro the file defines further down, or makes its own
// further down, does not change how an earlier #if reads.

#include <Python.h>

int defined_further_down(PyObject *o, const void **s, Py_ssize_t *n) {
#ifdef HAVE_LATER
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#ifdef HAVE_LATER'); migrate the call in the configuration that compiles it (run the tool again with -DHAVE_LATER)
#else
  return 0;
#endif
}

int made_the_projects_further_down(PyObject *o, const void **s,
                                   Py_ssize_t *n) {
#if defined(USE_LATER)
  return PyObject_AsReadBuffer(o, s, n);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this build skips this code ('#if defined(USE_LATER)'); migrate the call in the configuration that compiles it (run the tool again with -DUSE_LATER)
#else
  return 0;
#endif
}

#define HAVE_LATER 1
#if PY_VERSION_HEX >= 0x03000000
#define USE_LATER 1
#endif
