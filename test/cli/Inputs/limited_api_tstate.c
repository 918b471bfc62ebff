#include <Python.h>

PyInterpreterState *interpreter(void) {
  return PyThreadState_Get()->interp;
}
