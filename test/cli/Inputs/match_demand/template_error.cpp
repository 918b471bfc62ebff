#include <Python.h>

template <typename T> int member_of(T t) { return t.missing; }

static int quiet_one() { return 1; }

int caller() { return member_of(1) + quiet_one(); }
