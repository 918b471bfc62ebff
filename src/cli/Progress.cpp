//===--- Progress.cpp - a one-line progress display on a terminal ---------===//
#include "Progress.h"
#include "llvm/Support/Path.h"
#include <fmt/core.h>

namespace pycapi::cli {

Progress::Progress(llvm::raw_ostream &OS, size_t Total, bool Enabled)
    : OS(OS), Total(Total), Enabled(Enabled),
      Start(std::chrono::steady_clock::now()) {}

void Progress::update(const std::string &File, bool Done) {
  if (Done)
    ++Finished;
  if (!Enabled)
    return;
  std::string Eta = "ETA -:--";
  if (Finished > 0) {
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    auto Left = static_cast<long>(Elapsed / Finished * (Total - Finished) + 0.5);
    Eta = fmt::format("ETA {}:{:02}", Left / 60, Left % 60);
  }
  // \r to the start of the line, \x1b[K erases what a longer line left.
  OS << fmt::format("\r[{}/{}] {}  {}\x1b[K", Finished, Total,
                    llvm::sys::path::filename(File).str(), Eta);
  OS.flush();
  Shown = true;
}

void Progress::finish() {
  if (!Shown)
    return;
  OS << "\r\x1b[K";
  OS.flush();
  Shown = false;
}

} // namespace pycapi::cli
