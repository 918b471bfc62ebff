// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311

// A header that 3.13 removed, included by the project after Python.h, which
// (in 3.11 and 3.12) has already included it: still the project's use.
// The include guard skips the file; the #include is reported all the same.

#include <Python.h>
#include <tracemalloc.h>
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'tracemalloc.h' was removed in Python 3.13; use #include <Python.h> (includes cpython/tracemalloc.h) [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:10: note: include Python.h instead: it declares PyTraceMalloc_Track() and PyTraceMalloc_Untrack(); the private tracemalloc functions are gone

int track(void *p) { return PyTraceMalloc_Track(0, (uintptr_t)p, 1); }
