// RUN: %check_pycapi -compile=none %s pycapi-removed-api %t -- -- %py313

// Against headers that no longer have it, the removed header is a fatal
// "file not found" error; the check still says why and what to include.
// After the fatal error clang reports no more missing files, the check does.

#include <Python.h>
#include "tracemalloc.h"
// CHECK-NOTES-DAG: :[[@LINE-1]]:10: warning: 'tracemalloc.h' was removed in Python 3.13; use #include <Python.h> (includes cpython/tracemalloc.h) [pycapi-removed-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:10: note: include Python.h instead: it declares PyTraceMalloc_Track() and PyTraceMalloc_Untrack(); the private tracemalloc functions are gone
// CHECK-NOTES-DAG: :[[@LINE-3]]:10: error: 'tracemalloc.h' file not found [clang-diagnostic-error]
#include <cpython/interpreteridobject.h>
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'cpython/interpreteridobject.h' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-api]
#include <python3.12/tracemalloc.h>
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'tracemalloc.h' was removed in Python 3.13; use #include <Python.h> (includes cpython/tracemalloc.h) [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:10: note: include Python.h instead: it declares PyTraceMalloc_Track() and PyTraceMalloc_Untrack(); the private tracemalloc functions are gone

// Missing headers that are not Python's removed ones: not reported.
#include "mylib/tracemalloc.h"
#include "cpython/tracemalloc.h"
#include "interpreteridobject_extra.h"
