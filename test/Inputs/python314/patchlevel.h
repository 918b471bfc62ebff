/* Mock of CPython 3.14's patchlevel.h (version 3.14.0): the same macros,
 * defined the same way, as the real file; test/checkers/mock-headers.test
 * compares them with the real 3.11 and 3.13 headers. */

/* Values of PY_RELEASE_LEVEL */
#define PY_RELEASE_LEVEL_ALPHA  0xA
#define PY_RELEASE_LEVEL_BETA   0xB
#define PY_RELEASE_LEVEL_GAMMA  0xC     /* release candidates */
#define PY_RELEASE_LEVEL_FINAL  0xF

/* The version, one number each */
#define PY_MAJOR_VERSION        3
#define PY_MINOR_VERSION        14
#define PY_MICRO_VERSION        0
#define PY_RELEASE_LEVEL        PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL       0

/* The version as a string */
#define PY_VERSION              "3.14.0"

/* The version as one number, for comparisons in #if */
#define PY_VERSION_HEX ((PY_MAJOR_VERSION << 24) | \
                        (PY_MINOR_VERSION << 16) | \
                        (PY_MICRO_VERSION <<  8) | \
                        (PY_RELEASE_LEVEL <<  4) | \
                        (PY_RELEASE_SERIAL << 0))
