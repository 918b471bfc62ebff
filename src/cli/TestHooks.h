//===--- TestHooks.h - pauses at fixed points, for the tests only
//----------===//
//
// The safety tests (test/safety) must act at an exact moment of a run: edit
// a file between parsing and writing, start a second run, send a signal while
// a file is being written. Sleeping for "long enough" makes flaky tests, so
// the tool itself stops and waits, when the environment asks:
//
//   PYCAPI_MIGRATE_TEST_PAUSE=POINT:PATH
//
// At POINT the tool creates PATH.ready and waits until PATH exists (or, where
// the caller allows it, until a signal interrupts the run).
//
// Which declarations the matchers walk (ScopedTidy.cpp) changes no output,
// only the time a run takes; a test sees it when the environment asks:
//
//   PYCAPI_MIGRATE_TEST_SCOPE=1
//
// prints, for each unit, how the walk was narrowed and the names of the
// main file's declarations it walks;
//
//   PYCAPI_MIGRATE_TEST_SCOPE=ignore-promises
//
// does the same, and walks as if a check had not promised to mark its
// declarations (every check does; the walk of the user's code is kept for
// one that cannot). Nothing else reads these variables;
// they are not an interface for users (docs/architecture.md, "Tests").
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_TESTHOOKS_H
#define PYCAPI_CLI_TESTHOOKS_H

#include "clang/AST/ASTContext.h"
#include <functional>
#include <vector>

namespace pycapi::cli {

enum class PausePoint {
  /// After the first translation unit is checked (with -j1, before the next
  /// one starts): "unit".
  FirstUnitChecked,
  /// After every unit is checked, before anything is decided or written:
  /// "checked".
  AllChecked,
  /// With --fix, after it is decided which files to write (WritePlan.h),
  /// before the first is written; signals are deferred already: "planned".
  Planned,
  /// While the first file is written: its lock is held and its temporary
  /// file written, before the rename: "writing".
  Writing,
};

/// Waits at \p Point if PYCAPI_MIGRATE_TEST_PAUSE names it; returns early
/// when \p StopWaiting (if given) returns true.
void pauseForTest(PausePoint Point,
                  const std::function<bool()> &StopWaiting = {});

/// Prints the walk's scope of \p Context's unit, narrowed as \p How says,
/// if PYCAPI_MIGRATE_TEST_SCOPE is set.
void reportScopeForTest(clang::ASTContext &Context, llvm::StringRef How);

/// Whether PYCAPI_MIGRATE_TEST_SCOPE asks to walk as if a check had not
/// promised.
bool ignorePromisesForTest();

} // namespace pycapi::cli

#endif // PYCAPI_CLI_TESTHOOKS_H
