/* Mock CPython 3.13 headers for pycapi-migrate's tests: only what the tests use. */
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 13
#define PY_MICRO_VERSION 0
#define PY_VERSION "3.13.0"
#define PY_VERSION_HEX 0x030D00F0
