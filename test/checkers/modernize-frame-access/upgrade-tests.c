// RUN: %check_pycapi -fix-errors %s pycapi-modernize-frame-access %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -fno-spell-checking

// What upgrade_pythoncapi.py's PyFrame_GetBack, PyFrame_GetCode,
// PyThreadState_GetInterpreter and PyThreadState_GetFrame operations
// rewrite. PyFrameObject is opaque and PyThreadState.frame gone in 3.11:
// those reads do not compile against its headers (-fix-errors); the fixed
// file does. The getters of frames return new references where the fields
// were borrowed: the fix calls the compat header's borrowing helpers, so
// the reference counting of the code stays as it was.

#include <Python.h>
#include <frameobject.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

PyFrameObject *frame_back_borrowed(PyFrameObject *frame) {
  return frame->f_back;
  // CHECK-NOTES: :[[@LINE-1]]:15: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
  // CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
  // CHECK-NOTES: :[[@LINE-3]]:17: warning: 'f_back' is read directly; use _PyFrame_GetBackBorrow [pycapi-modernize-frame-access]
}
// CHECK-FIXES:  return _PyFrame_GetBackBorrow(frame);

PyCodeObject *frame_code_borrowed(PyFrameObject *frame) {
  return frame->f_code;
  // CHECK-NOTES: :[[@LINE-1]]:15: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
  // CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
  // CHECK-NOTES: :[[@LINE-3]]:17: warning: 'f_code' is read directly; use _PyFrame_GetCodeBorrow [pycapi-modernize-frame-access]
}
// CHECK-FIXES:  return _PyFrame_GetCodeBorrow(frame);

PyInterpreterState *get_interp(PyThreadState *tstate) { return tstate->interp; }
// CHECK-NOTES: :[[@LINE-1]]:72: warning: 'interp' is read directly; use PyThreadState_GetInterpreter [pycapi-modernize-frame-access]
// CHECK-FIXES:PyInterpreterState *get_interp(PyThreadState *tstate) { return PyThreadState_GetInterpreter(tstate); }

PyFrameObject *get_frame(PyThreadState *tstate) { return tstate->frame; }
// CHECK-NOTES: :[[@LINE-1]]:66: error: no member named 'frame' in 'struct _ts' [clang-diagnostic-error]
// CHECK-NOTES: :[[@LINE-2]]:66: warning: 'frame' is read directly; use _PyThreadState_GetFrameBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:PyFrameObject *get_frame(PyThreadState *tstate) { return _PyThreadState_GetFrameBorrow(tstate); }
