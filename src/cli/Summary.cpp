//===--- Summary.cpp - what a run found and did, in numbers
//----------------===//
#include "Summary.h"
#include <fmt/core.h>

namespace pycapi::cli {

static std::string plural(unsigned N, const char *Word) {
  return fmt::format("{} {}{}", N, Word, N == 1 ? "" : "s");
}

void Summary::count(const std::vector<Finding> &All) {
  for (const Finding &F : All) {
    if (F.CompilerError) {
      ++CompilerErrors;
      continue;
    }
    ++Findings;
    Fixable += F.Fixable;
    FilesWithFindings.insert(F.Absolute.Message.FilePath);
    CheckCount &Count = PerCheck[F.Original.DiagnosticName];
    ++Count.Findings;
    Count.Fixable += F.Fixable;
  }
}

std::string Summary::text() const {
  std::string Text =
      fmt::format("pycapi-migrate: {} in {}", plural(Findings, "finding"),
                  plural(FilesWithFindings.size(), "file"));
  if (Findings)
    Text += fmt::format(" ({} auto-fixable, {} manual)", Fixable,
                        Findings - Fixable);
  if (Fixing)
    Text += fmt::format("; {} changed", plural(FilesChanged, "file"));
  if (CompilerErrors)
    Text += fmt::format("; {}", plural(CompilerErrors, "compiler error"));
  Text += fmt::format("; {} in {:.1f} s\n",
                      plural(TranslationUnits, "translation unit"), Seconds);
  for (const auto &NameAndCount : PerCheck)
    Text +=
        fmt::format("  {}: {} ({} auto-fixable)\n", NameAndCount.first,
                    NameAndCount.second.Findings, NameAndCount.second.Fixable);
  return Text;
}

} // namespace pycapi::cli
