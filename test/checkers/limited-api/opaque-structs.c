// Structs the Limited API offers only in part: PyTypeObject is opaque (no
// objects of it, such as static types, and no members), PyObject offers
// ob_refcnt and ob_type only. In the Limited API the headers leave
// PyTypeObject incomplete, so this is audit-mode code.
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.13"}]}' -- %py313
#include <Python.h>

typedef struct {
  PyObject ob_base;
  int value;
} Obj;

static PyTypeObject ObjType = {PyVarObject_HEAD_INIT(NULL, 0) "m.Obj", sizeof(Obj)};
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyTypeObject' objects are not part of the Limited API, only pointers to them; use PyType_FromSpec [pycapi-limited-api]
static const PyTypeObject Types[2];
// CHECK-NOTES: :[[@LINE-1]]:14: warning: 'PyTypeObject' objects are not part of the Limited API, only pointers to them; use PyType_FromSpec [pycapi-limited-api]

typedef struct {
  PyTypeObject base;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyTypeObject' objects are not part of the Limited API, only pointers to them; use PyType_FromSpec [pycapi-limited-api]
  int extra;
} SubType;

void dealloc(PyObject *self) {
  PyTypeObject *type = Py_TYPE(self);
  const char *name = type->tp_name;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'PyTypeObject.tp_name' is not part of the Limited API; use PyType_GetName [pycapi-limited-api]
  Py_ssize_t refcnt = self->ob_refcnt;
  Obj *obj = (Obj *)self;
  (void)name;
  (void)refcnt;
  (void)obj->value;
  (void)obj->ob_base.ob_type;
  (void)ObjType.tp_basicsize;
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyTypeObject.tp_basicsize' is not part of the Limited API [pycapi-limited-api]
  (void)ObjType.ob_base.ob_size;
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyTypeObject.ob_base' is not part of the Limited API [pycapi-limited-api]
  (void)Types;
  Py_TYPE(self)->tp_free(self);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyTypeObject.tp_free' is not part of the Limited API; use PyType_GetSlot [pycapi-limited-api]
}
