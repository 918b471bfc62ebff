// A static type object is one finding, where it is defined: not again at
// its extern declaration in a header (which a limited build compiles: an
// incomplete type may be declared extern), nor at a forward declaration in
// the same file.
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={HeaderFilterRegex: ".*static_type.*", CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py313 -I%S/Inputs
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={HeaderFilterRegex: ".*static_type.*", CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py311 -I%S/Inputs
// The grouped report counts it once.
// RUN: %pycapi_migrate --checks='-*,pycapi-limited-api' --limited-api-report 3.12 -q %s -- %py313 -I%S/Inputs 2>&1 | FileCheck --check-prefix=REPORT %s
// REPORT: total: 2 uses in 1 file; 2 not in the Limited API
#include "static_type.h"

static PyTypeObject Other_Type;

PyTypeObject Counter_Type = {
  // CHECK-NOTES: :[[@LINE-1]]:1: warning: 'PyTypeObject' objects are not part of the Limited API, only pointers to them; use PyType_FromSpec [pycapi-limited-api]
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "mod.Counter",
  .tp_base = &Other_Type,
};

static PyTypeObject Other_Type = {
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyTypeObject' objects are not part of the Limited API, only pointers to them; use PyType_FromSpec [pycapi-limited-api]
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "mod.Other",
};

PyTypeObject *counter_type(void) { return &Counter_Type; }
