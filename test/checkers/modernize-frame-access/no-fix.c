// RUN: %check_pycapi -fix-errors -compile=none %s pycapi-modernize-frame-access %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -fno-spell-checking

// What keeps no fix: an assignment (Python has no setter) and a
// project macro's body (one expansion's types do not tell what the macro
// does for the others). The file does not compile against 3.11 before or
// after.

#include <Python.h>
#include <frameobject.h>

void set_code(PyFrameObject *frame, PyCodeObject *code, PyThreadState *ts) {
  frame->f_code = code;
  // CHECK-NOTES: :[[@LINE-1]]:8: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
  // CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
  // CHECK-NOTES: :[[@LINE-3]]:10: warning: 'f_code' is assigned directly, and Python has no setter for it [pycapi-modernize-frame-access]
  // CHECK-NOTES: :[[@LINE-4]]:10: note: no automatic fix: rewrite the code so that it does not change the field
  ts->interp = NULL;
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'interp' is assigned directly, and Python has no setter for it [pycapi-modernize-frame-access]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: rewrite the code so that it does not change the field
}
// CHECK-FIXES:  frame->f_code = code;
// CHECK-FIXES-NEXT:  ts->interp = NULL;

#define BACK(f) ((f)->f_back)
PyFrameObject *back(PyFrameObject *f) { return BACK(f); }
// CHECK-NOTES: :[[@LINE-1]]:48: error: incomplete definition of type {{('PyFrameObject' \(aka )?}}'struct _frame'{{\)?}} [clang-diagnostic-error]
// CHECK-NOTES: :[[@LINE-3]]:21: note: expanded from macro 'BACK'
// CHECK-NOTES: pytypedefs.h:22:16: note: forward declaration of 'struct _frame'
// CHECK-FIXES:#define BACK(f) ((f)->f_back)
