// Guards that refuse Py_LIMITED_API with Py_TRACE_REFS: 3.13 supports that
// combination. Most sit in branches the build skips. These are before
// Python.h, where PY_VERSION_HEX is not defined yet (after it, see
// user-header.c; trace-refs-before-python-h.c compiles the advice).
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313

#if defined(Py_LIMITED_API) && defined(Py_TRACE_REFS)
#error "Py_LIMITED_API is incompatible with Py_TRACE_REFS"
// CHECK-NOTES: :[[@LINE-1]]:2: warning: this guard refuses Py_LIMITED_API with Py_TRACE_REFS, which the Limited API supports since Python 3.13; remove it, or #include "patchlevel.h" before it and limit it to older versions (PY_VERSION_HEX < 0x030D0000) [pycapi-limited-api]
#endif

#ifdef Py_TRACE_REFS
#  error "the limited API does not work with trace refs"
// CHECK-NOTES: :[[@LINE-1]]:4: warning: this guard refuses Py_LIMITED_API
// A fallback to the full API builds: not a refusal (cffi's output does it).
#  undef Py_LIMITED_API
#else
#  define Py_LIMITED_API 0x030D0000
#endif

// Limited to the versions that need it, but before patchlevel.h: it refuses
// on every version.
#if defined(Py_TRACE_REFS) && PY_VERSION_HEX < 0x030D0000
#error "no Limited API with Py_TRACE_REFS before 3.13"
// CHECK-NOTES: :[[@LINE-1]]:2: warning: this guard refuses Py_LIMITED_API with Py_TRACE_REFS on every Python version, as PY_VERSION_HEX is not defined yet where it is tested; #include "patchlevel.h" before the test [pycapi-limited-api]
#endif
// About something else.
#ifdef Py_TRACE_REFS
#error "this module cannot be built with Py_TRACE_REFS"
#endif
#if !defined(Py_LIMITED_API)
#error "only the error text says nothing about trace refs"
#endif

#include <Python.h>

PyObject *none(void) { Py_RETURN_NONE; }
