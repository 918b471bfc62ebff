// RUN: %check_pycapi -fix-errors -compile=none %s pycapi-modernize-frame-access %t -- -- %py311 -fno-spell-checking

// The borrowing helpers are pythoncapi_compat.h's only, and
// PyThreadState_GetInterpreter is new in 3.9: without CompatHeader, and
// MinimumPythonVersion 3.8 (the default), no fix, and the note says what to
// set.

#include <Python.h>
#include <frameobject.h>

PyFrameObject *frame_back_borrowed(PyFrameObject *frame) { return frame->f_back; }
// CHECK-NOTES: :[[@LINE-1]]:72: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
// CHECK-NOTES: :[[@LINE-3]]:74: warning: 'f_back' is read directly; use _PyFrame_GetBackBorrow [pycapi-modernize-frame-access]
// CHECK-NOTES: :[[@LINE-4]]:74: note: no automatic fix: '_PyFrame_GetBackBorrow' is defined by pythoncapi_compat.h only; set CompatHeader (for example to pythoncapi_compat.h)

PyInterpreterState *get_interp(PyThreadState *tstate) { return tstate->interp; }
// CHECK-NOTES: :[[@LINE-1]]:72: warning: 'interp' is read directly; use PyThreadState_GetInterpreter [pycapi-modernize-frame-access]
// CHECK-NOTES: :[[@LINE-2]]:72: note: no automatic fix: 'PyThreadState_GetInterpreter' is new in Python 3.9 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
