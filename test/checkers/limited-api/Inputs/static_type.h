/* Declares the module's static type for its other files: an extern
 * declaration of an incomplete type, which a limited build compiles. */
#include <Python.h>

extern PyTypeObject Counter_Type;
