/* Python's headers (this folder holds Python.h and patchlevel.h), reached
   into by the project's code: a macro the project defines, and a header of
   the project's that this one includes. */
#include "patchlevel.h"
typedef struct _object { long ob_refcnt; } PyObject;
typedef struct { PyObject ob_base; } PyListObject;
PyObject *_PyList_Extend(PyListObject *list, PyObject *iterable);
int PyList_Extend(PyObject *list, PyObject *iterable);
typedef int PROJECT_T;
typedef struct {
#include <project_fields.h>
} PyProjectExtra;
