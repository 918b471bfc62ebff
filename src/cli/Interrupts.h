//===--- Interrupts.h - SIGINT and SIGTERM while files are written
//---------===//
//
// A signal that ends the process runs no destructor: a temporary file being
// written would stay in the user's tree, and the run would end with some
// files fixed and no word of which. While files are written, SIGINT, SIGTERM
// and SIGHUP therefore only set a flag. The writer finishes the file it is
// writing (a rename), checks the flag before the next one, and the driver
// then says how many files were written and exits with 128 + the signal's
// number, as a shell would report the signal.
//
// Before the write phase a signal ends the run at once (LLVM's handlers):
// nothing has been written and no temporary file exists.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_INTERRUPTS_H
#define PYCAPI_CLI_INTERRUPTS_H

namespace pycapi::cli {

/// While it lives, SIGINT, SIGTERM and SIGHUP are recorded, not acted on.
/// Waits (for a lock, in a test pause) poll received(). Not nestable; main
/// thread only (the worker threads have ended by then).
class DeferSignals {
public:
  DeferSignals();
  ~DeferSignals();
  DeferSignals(const DeferSignals &) = delete;
  DeferSignals &operator=(const DeferSignals &) = delete;

  /// The signal received since construction, or 0.
  static int received();
};

/// "SIGINT", "SIGTERM", "SIGHUP", else "a signal".
const char *signalName(int Signal);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_INTERRUPTS_H
