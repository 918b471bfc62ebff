/* Mock CPython 3.12 headers for pycapi-migrate's tests: only what the tests use. */
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 12
#define PY_MICRO_VERSION 0
#define PY_VERSION "3.12.0"
#define PY_VERSION_HEX 0x030C00F0
