#include <Python.h>

// Sema instantiates a template whose return type it must deduce while the
// parser reads the call, and hands the instantiation over at once.
template <typename F> auto call(F f) { return f(); }

static int quiet_one() { return 1; }
static int quiet_two() { return 2; }
static int quiet_three() { return 3; }

static int instantiates(PyObject *o) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(o, &data, &len) < 0)
    return -1;
  return call([&]() { return len; }) + call([&]() { return data[0]; }) +
         call([]() { return 1; }) + call([]() { return 2; });
}

static int quiet_four() { return 4; }
static int quiet_five() { return 5; }
static int quiet_six() { return 6; }

namespace ext {

static int quiet_seven() { return 7; }

static int direct(PyObject *o) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(o, &data, &len) < 0)
    return -1;
  return call([&]() { return len; }) + call([&]() { return data[0]; }) +
         call([]() { return 3; }) + call([]() { return 4; });
}

static int quiet_eight() { return 8; }

} // namespace ext

static int quiet_nine() { return 9; }
static int quiet_ten() { return 10; }
static int quiet_eleven() { return 11; }
static int quiet_twelve() { return 12; }
