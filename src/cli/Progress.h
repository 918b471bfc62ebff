//===--- Progress.h - a one-line progress display on a terminal -----------===//
#ifndef PYCAPI_CLI_PROGRESS_H
#define PYCAPI_CLI_PROGRESS_H

#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <string>

namespace pycapi::cli {

/// Shows "[done/total] file  ETA m:ss" on one line that it rewrites, and
/// erases it at the end. Only for a terminal: pipes and log files get
/// nothing, so a CI log is not filled with carriage returns.
class Progress {
public:
  Progress(llvm::raw_ostream &OS, size_t Total, bool Enabled);
  ~Progress() { finish(); }

  void update(const std::string &File, bool Done);
  void finish();

private:
  llvm::raw_ostream &OS;
  size_t Total;
  size_t Finished = 0;
  bool Enabled;
  bool Shown = false;
  bool Dumb = false; // TERM unset or "dumb": no escape sequences
  size_t LastWidth = 0;
  std::chrono::steady_clock::time_point Start;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_PROGRESS_H
