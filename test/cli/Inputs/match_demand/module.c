#include <Python.h>
#include "helper.h"

/* A macro of the project's that spells a removed function. */
#define PROJECT_READ(o, b, n) PyObject_AsReadBuffer((o), (b), (n))

static int quiet_one(void) { return 1; }
static int quiet_two(void) { return 2; }
static int quiet_three(void) { return 3; }
static int quiet_four(void) { return 4; }

static int through_macro(PyObject *o) {
  const void *b;
  Py_ssize_t n;
  return PROJECT_READ(o, &b, &n);
}

static int quiet_five(void) { return 5; }
static int quiet_six(void) { return 6; }
static int quiet_seven(void) { return 7; }
static int quiet_eight(void) { return 8; }

static int direct(PyObject *o) {
  return PyObject_CheckReadBuffer(o);
}

static int quiet_nine(void) { return 9; }
static int quiet_ten(void) { return 10; }
static int quiet_eleven(void) { return 11; }

int use_all(PyObject *o) {
  return quiet_one() + quiet_two() + quiet_three() + quiet_four() +
         through_macro(o) + quiet_five() + quiet_six() + quiet_seven() +
         quiet_eight() + direct(o) + quiet_nine() + quiet_ten() +
         quiet_eleven() + helper_first_byte(o);
}
