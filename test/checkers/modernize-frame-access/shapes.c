// RUN: %check_pycapi -fix-errors %s pycapi-modernize-frame-access %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -fno-spell-checking

// The frame found by its type, not its text: a project's struct with
// fields of the same names, comments and strings are left alone; a cast
// and a macro's argument are rewritten.

#include <Python.h>
#include <frameobject.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

struct task {
  struct task *f_back;
  int interp;
};
int depth(struct task *t) { return t->f_back ? t->interp : 0; }
// CHECK-FIXES:int depth(struct task *t) { return t->f_back ? t->interp : 0; }

/* return frame->f_back; */
const char *text = "tstate->interp";
// CHECK-FIXES:/* return frame->f_back; */
// CHECK-FIXES-NEXT:const char *text = "tstate->interp";

PyFrameObject *up(PyObject *o) { return ((PyFrameObject *)o)->f_back; }
// CHECK-NOTES: :[[@LINE-1]]:61: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
// CHECK-NOTES: :[[@LINE-3]]:63: warning: 'f_back' is read directly; use _PyFrame_GetBackBorrow [pycapi-modernize-frame-access]
// CHECK-FIXES:PyFrameObject *up(PyObject *o) { return _PyFrame_GetBackBorrow((PyFrameObject *)o); }
