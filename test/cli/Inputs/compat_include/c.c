#include "outer.h"

int c_as_int(PyObject *o) { return _PyLong_AsInt(o); }
