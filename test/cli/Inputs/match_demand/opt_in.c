#include <Python.h>

static int quiet_one(void) { return 1; }
static int quiet_two(void) { return 2; }
static int quiet_three(void) { return 3; }

static int is_none(PyObject *o) { return o == Py_None; }

static int quiet_four(void) { return 4; }
static int quiet_five(void) { return 5; }
static int quiet_six(void) { return 6; }

static PyObject *new_ref(PyObject *o) {
  Py_INCREF(o);
  return o;
}

static int quiet_seven(void) { return 7; }
static int quiet_eight(void) { return 8; }
static int quiet_nine(void) { return 9; }

static void *allocate(size_t n) { return PyMem_MALLOC(n); }

static int quiet_ten(void) { return 10; }
static int quiet_eleven(void) { return 11; }
static int quiet_twelve(void) { return 12; }

int use_all(PyObject *o) {
  PyObject *ref = new_ref(o);
  int sum = quiet_one() + quiet_two() + quiet_three() + is_none(o) +
            quiet_four() + quiet_five() + quiet_six() + quiet_seven() +
            quiet_eight() + quiet_nine() + quiet_ten() + quiet_eleven() +
            quiet_twelve();
  PyMem_FREE(allocate(1));
  Py_DECREF(ref);
  return sum;
}
