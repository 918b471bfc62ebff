// The user's own names with Python's prefixes are not Python's API.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.2"}]}' -- %py313
#include <Python.h>

#define PyMy_FLAG 1
typedef struct PyMyState { int flag; } PyMyState;
enum { PyMy_ONE = 1 };
static int PyMy_Helper(PyMyState *state) { return state->flag + PyMy_FLAG + PyMy_ONE; }

int run(void) {
  PyMyState state = {0};
  return PyMy_Helper(&state);
}
