#include "places.h"

#define SAME(x) (x)

PyObject *first_item(PyObject *t) { return FIRST_ITEM(t); }

PyObject *third_item(PyObject *t) { return SAME(PyTuple_GET_ITEM(t, 2)); }
