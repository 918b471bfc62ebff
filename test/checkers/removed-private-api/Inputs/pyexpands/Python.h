/* Stands for Python's headers (a folder with Python.h and patchlevel.h): an
 * inline function of theirs expands a macro the project defined first. */
#include "patchlevel.h"
typedef struct _object PyObject;
int _PyLong_AsInt(PyObject *);
#ifdef PROJECT_AS_INT
static inline int python_uses_project_macro(PyObject *o) {
  return PROJECT_AS_INT(o);
}
#endif
