#include "shared.h"

int b_finalizing(void) { return _Py_IsFinalizing(); }
