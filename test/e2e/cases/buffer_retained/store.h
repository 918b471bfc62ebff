/*
 * A stand-in for a C library that keeps a caller's memory after the call
 * returns, as cairo_image_surface_create_for_data and SDL_CreateRGBSurfaceFrom
 * do. Its functions live in store.c, another translation unit, so that when
 * pycapi-migrate works on holder.c it sees holder_attach's declaration only:
 * it cannot know whether the pointer is kept, and must say so.
 */
#ifndef BUFFER_RETAINED_STORE_H
#define BUFFER_RETAINED_STORE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The memory a library object draws on: it does not own it. */
struct store {
    unsigned char *data;
    Py_ssize_t len;
};

/* Keeps data and len in store; later calls read and write that memory. */
void holder_attach(struct store *store, void *data, Py_ssize_t len);

/* Sets every byte of the attached memory to value. */
void holder_fill(const struct store *store, unsigned char value);

#endif
