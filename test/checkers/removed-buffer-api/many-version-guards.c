// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// Many calls, half of them in blocks that only Pythons older than 3.13
// compile (never reported), in a file the 3.11 headers parse whole. The check
// asks for every call whether the target compiles it; past a few questions
// the answers come from an index of the blocks the target skips
// (TargetBranches::compiledAtTarget), which must give the same answers: an
// outer block that the target skips hides the blocks inside it and the code
// after them, up to its own end.

#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
int old_1(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_1(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_2(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_2(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_3(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_3(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_4(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_4(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_5(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_5(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_6(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_6(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_7(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_7(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_8(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_8(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_9(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_9(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:33: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
int old_10(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int new_10(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:34: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer

#if PY_VERSION_HEX < 0x030D0000
#ifdef Py_PYTHON_H
int old_nested(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#endif
int old_after_nested(PyObject *o) { return PyObject_CheckReadBuffer(o); }
#else
int kept_for_313(PyObject *o) { return PyObject_CheckBuffer(o); }
#endif
#ifdef Py_PYTHON_H
int new_after_blocks(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:44: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:44: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
#endif
// Calls outside the blocks the target skips are fixed, every one.
// CHECK-FIXES:int new_1(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_2(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_3(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_4(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_5(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_6(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_7(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_8(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_9(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
// CHECK-FIXES:int new_10(PyObject *o) {{.}} return PyObject_CheckBuffer(o); {{.}}
