/* Mock of CPython 3.9.0's patchlevel.h, for the modernize checks' tests of
 * headers older than the installed ones. */

/* Values of PY_RELEASE_LEVEL */
#define PY_RELEASE_LEVEL_ALPHA  0xA
#define PY_RELEASE_LEVEL_BETA   0xB
#define PY_RELEASE_LEVEL_GAMMA  0xC     /* release candidates */
#define PY_RELEASE_LEVEL_FINAL  0xF

/* The version, one number each */
#define PY_MAJOR_VERSION        3
#define PY_MINOR_VERSION        9
#define PY_MICRO_VERSION        0
#define PY_RELEASE_LEVEL        PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL       0

/* The version as a string */
#define PY_VERSION              "3.9.0"

/* The version as one number, for comparisons in #if */
#define PY_VERSION_HEX ((PY_MAJOR_VERSION << 24) | \
                        (PY_MINOR_VERSION << 16) | \
                        (PY_MICRO_VERSION <<  8) | \
                        (PY_RELEASE_LEVEL <<  4) | \
                        (PY_RELEASE_SERIAL << 0))
