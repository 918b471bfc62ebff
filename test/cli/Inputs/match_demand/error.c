#include <Python.h>

static int quiet_one(void) { return 1; }
static int quiet_two(void) { return 2; }
static int quiet_three(void) { return 3; }
static int quiet_four(void) { return 4; }

static int broken(void) { return undeclared_name; }

static int quiet_five(void) { return 5; }
static int quiet_six(void) { return 6; }
static int quiet_seven(void) { return 7; }
