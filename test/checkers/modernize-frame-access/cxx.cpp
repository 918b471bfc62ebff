// RUN: %check_pycapi -fix-errors %s pycapi-modernize-frame-access %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -fno-spell-checking

// C++ keeps a field access on an opaque frame as a dependent member
// expression: found and fixed as in C, and the fixed file compiles as C++.

#include <Python.h>
#include <frameobject.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

PyFrameObject *frame_back_borrowed(PyFrameObject *frame) { return frame->f_back; }
// CHECK-NOTES: :[[@LINE-1]]:72: error: member access into incomplete type 'PyFrameObject' (aka '{{(struct )?}}_frame') [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of '_frame'
// CHECK-NOTES: :[[@LINE-3]]:74: warning: 'f_back' is read directly; use _PyFrame_GetBackBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:PyFrameObject *frame_back_borrowed(PyFrameObject *frame) { return _PyFrame_GetBackBorrow(frame); }
PyCodeObject *frame_code_borrowed(PyFrameObject *frame) { return frame->f_code; }
// CHECK-NOTES: :[[@LINE-1]]:71: error: member access into incomplete type 'PyFrameObject' (aka '{{(struct )?}}_frame') [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of '_frame'
// CHECK-NOTES: :[[@LINE-3]]:73: warning: 'f_code' is read directly; use _PyFrame_GetCodeBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:PyCodeObject *frame_code_borrowed(PyFrameObject *frame) { return _PyFrame_GetCodeBorrow(frame); }
PyFrameObject *get_frame(PyThreadState *tstate) { return tstate->frame; }
// CHECK-NOTES: :[[@LINE-1]]:66: error: no member named 'frame' in '_ts' [clang-diagnostic-error]
// CHECK-NOTES: :[[@LINE-2]]:66: warning: 'frame' is read directly; use _PyThreadState_GetFrameBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:PyFrameObject *get_frame(PyThreadState *tstate) { return _PyThreadState_GetFrameBorrow(tstate); }
