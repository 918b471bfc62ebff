/* The "library" of store.h: no Python API, no buffer calls. */
#include "store.h"

#include <string.h>

void
holder_attach(struct store *store, void *data, Py_ssize_t len)
{
    store->data = data;
    store->len = len;
}

void
holder_fill(const struct store *store, unsigned char value)
{
    memset(store->data, value, (size_t)store->len);
}
