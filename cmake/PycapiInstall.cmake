# After the targets: what `cmake --install` puts where, and the .deb that
# CPack builds from it (scripts/package). Layout under the prefix:
#   bin/pycapi-migrate                             the CLI
#   bin/clang-tidy-pycapi                          clang-tidy-NN with the plugin loaded
#   lib/pycapi-migrate/llvm-NN/pycapi-tidy.so      the plugin, NN = LLVM major
#   share/man/man1/{pycapi-migrate,clang-tidy-pycapi}.1.gz
#   share/doc/pycapi-migrate/{README.md,docs/}     what the CLI links to (SARIF helpUri)
#   share/doc/pycapi-migrate/examples/legacy_ext/  the example of scripts/demo
# The plugin's folder is versioned so that plugins for several majors can be
# installed side by side (one cmake --install per build). See
# docs/user-guide.md, "Installing".
set(PYCAPI_PLUGIN_INSTALL_DIR "lib/pycapi-migrate/llvm-${PYCAPI_LLVM_VERSION}")
set(_install_stage "${CMAKE_BINARY_DIR}/install-files")

install(TARGETS pycapi-migrate RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS pycapi-tidy LIBRARY DESTINATION "${PYCAPI_PLUGIN_INSTALL_DIR}")

# The wrapper: scripts/clang-tidy-pycapi with this build's major written into
# it, which switches it to the installed layout (the script says how).
set(_wrapper_source "${CMAKE_SOURCE_DIR}/scripts/clang-tidy-pycapi")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_wrapper_source}")
file(READ "${_wrapper_source}" _wrapper)
string(REPLACE "\ninstalled_major=\n" "\ninstalled_major=${PYCAPI_LLVM_VERSION}\n"
       _installed_wrapper "${_wrapper}")
if(_installed_wrapper STREQUAL _wrapper)
  message(FATAL_ERROR "pycapi-migrate: scripts/clang-tidy-pycapi has no 'installed_major=' line to set")
endif()
file(WRITE "${_install_stage}/clang-tidy-pycapi" "${_installed_wrapper}")
install(PROGRAMS "${_install_stage}/clang-tidy-pycapi" DESTINATION "${CMAKE_INSTALL_BINDIR}")

# Man pages and the Debian changelog, compressed as Debian wants them
# (gzip -9n: no name or time stamp, so the same input gives the same bytes).
set(_gzipped "")
foreach(_page pycapi-migrate.1 clang-tidy-pycapi.1)
  set(_out "${_install_stage}/${_page}.gz")
  add_custom_command(OUTPUT "${_out}"
    COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" sh
            "${CMAKE_SOURCE_DIR}/docs/man/${_page}" "${_out}"
    DEPENDS "${CMAKE_SOURCE_DIR}/docs/man/${_page}" VERBATIM)
  list(APPEND _gzipped "${_out}")
  install(FILES "${_out}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endforeach()
set(_changelog "${_install_stage}/changelog.gz")
add_custom_command(OUTPUT "${_changelog}"
  COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" sh
          "${CMAKE_SOURCE_DIR}/cmake/debian/changelog" "${_changelog}"
  DEPENDS "${CMAKE_SOURCE_DIR}/cmake/debian/changelog" VERBATIM)
list(APPEND _gzipped "${_changelog}")
add_custom_target(pycapi_install_files ALL DEPENDS ${_gzipped})

# The docs, with the README's relative links (docs/...) intact, plus the
# Debian copyright and changelog.
install(FILES README.md cmake/debian/copyright "${_changelog}"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}/docs"
        FILES_MATCHING PATTERN "*.md" PATTERN man EXCLUDE)
# The example extension of scripts/demo, to try the tool on.
install(FILES examples/legacy_ext/README.md examples/legacy_ext/legacy.c
              examples/legacy_ext/test_legacy.py
        DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples/legacy_ext")

# The .deb (cpack, scripts/package). Its dependencies: what dpkg-shlibdeps
# finds the CLI linked against (libclang-cppNN, libllvmNN, libfmt9, libc6,
# libstdc++6, ...) and libclang-common-NN-dev: clang's builtin headers
# (stddef.h, stdarg.h, ...), which the CLI's parser reads for every file that
# includes Python.h. Debian files them under -dev, but they are the parser's
# run-time data (clang-tidy-NN depends on them for the same reason); the
# build's own -dev packages (llvm-NN-dev, libclang-NN-dev) are not needed.
# Suggests clang-tidy-NN: what the plugin and clang-tidy-pycapi run in; the
# CLI runs without it. Not Recommends: clang-tidy-NN brings clang-NN, whose
# own dependencies and recommendations are a compiler toolchain and
# llvm-NN-dev, which `apt install ./pycapi-migrate_*.deb` would then pull in
# by default. See docs/user-guide.md, "Installing".
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pycapi-migrate)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT
    "pycapi-migrate maintainers <maintainers@users.noreply.r-seed-57a53311.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "migrate CPython C extensions off removed C APIs")
# (Lines under 80 characters: Debian's rule for the extended description.)
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "pycapi-migrate finds uses of C APIs that CPython removed (3.13 and later)"
  "in C and C++ extensions and rewrites them. It contains the pycapi-* checks"
  "as a standalone command line tool and as a plugin for the clang-tidy of"
  "LLVM ${PYCAPI_LLVM_VERSION}, with a clang-tidy-pycapi wrapper that loads it.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${PYCAPI_LLVM_VERSION}-dev")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tidy-${PYCAPI_LLVM_VERSION}, pre-commit, bear")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/package")
include(CPack)
