#include "shared.h"

int a_as_int(PyObject *o) { return _PyLong_AsInt(o); }
