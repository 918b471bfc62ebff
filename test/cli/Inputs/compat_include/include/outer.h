/* A project header that gets Python.h through another one (c.c). */
#ifndef OUTER_H
#define OUTER_H
#include "shared.h"
#endif
