/* Names the type that Python's header declares after a name of the
   project's. */
#define PROJECT_T xid_freefunc
#include <Python.h>
#include "helper.h"

int use(PyProjectExtra *e) {
  xid_freefunc own = 0;
  e->xid_newobjectfunc = own;
  return own;
}
