//===--- Progress.cpp - a one-line progress display on a terminal ---------===//
#include "Progress.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstdlib>
#include <fmt/core.h>

namespace pycapi::cli {

Progress::Progress(llvm::raw_ostream &OS, size_t Total, bool Enabled)
    : OS(OS), Total(Total), Enabled(Enabled),
      Start(std::chrono::steady_clock::now()) {
  const char *Term = std::getenv("TERM");
  Dumb = !Term || llvm::StringRef(Term) == "dumb";
}

void Progress::update(const std::string &File, bool Done) {
  if (Done)
    ++Finished;
  if (!Enabled)
    return;
  std::string Eta = "ETA -:--";
  if (Finished > 0) {
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    auto Left =
        static_cast<long>(Elapsed / Finished * (Total - Finished) + 0.5);
    Eta = fmt::format("ETA {}:{:02}", Left / 60, Left % 60);
  }
  // \r to the start of the line; what a longer line left is erased with
  // \x1b[K, or on a terminal without escapes (TERM=dumb) padded with spaces.
  std::string Line = fmt::format("[{}/{}] {}  {}", Finished, Total,
                                 llvm::sys::path::filename(File).str(), Eta);
  if (Dumb) {
    size_t Width = Line.size();
    Line.resize(std::max(Width, LastWidth), ' ');
    LastWidth = Width;
    OS << "\r" << Line;
  } else {
    OS << "\r" << Line << "\x1b[K";
  }
  OS.flush();
  Shown = true;
}

void Progress::finish() {
  if (!Shown)
    return;
  if (Dumb)
    OS << "\r" << std::string(LastWidth, ' ') << "\r";
  else
    OS << "\r\x1b[K";
  OS.flush();
  Shown = false;
}

} // namespace pycapi::cli
