// RUN: %check_pycapi -fix-errors -compile=none %s pycapi-modernize-frame-access %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -fno-spell-checking
// REQUIRES: llvm-22

// A field access written as a macro's argument: rewritten in place, except
// for Py_CLEAR, which assigns its argument (upgrade_pythoncapi leaves it
// too). LLVM 22's own notes on the compiler errors: no expansion notes for these. The
// fixed file still does not compile (Py_CLEAR of an opaque frame's field).

#include <Python.h>
#include <frameobject.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

void keep(PyFrameObject *f) { Py_INCREF(f->f_code); }
// CHECK-NOTES: :[[@LINE-1]]:42: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
// CHECK-NOTES: :[[@LINE-3]]:44: warning: 'f_code' is read directly; use _PyFrame_GetCodeBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:void keep(PyFrameObject *f) { Py_INCREF(_PyFrame_GetCodeBorrow(f)); }

void clear_code(PyFrameObject *frame) { Py_CLEAR(frame->f_code); }
// CHECK-NOTES: :[[@LINE-1]]:55: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
// CHECK-FIXES:void clear_code(PyFrameObject *frame) { Py_CLEAR(frame->f_code); }
