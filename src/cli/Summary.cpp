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

void Summary::countFixed(const std::vector<Finding> &All,
                         const FixSet &Applied) {
  Fixed = 0;
  for (const Finding &F : All) {
    if (F.CompilerError || !F.Fixable)
      continue;
    bool Written = true;
    for (const auto &FileAndFixes : F.Absolute.Message.Fix)
      for (const clang::tooling::Replacement &R : FileAndFixes.second)
        Written &= Applied.willApply(R);
    Fixed += Written;
  }
}

std::string Summary::text() const {
  std::string Text =
      fmt::format("pycapi-migrate: {} in {}", plural(Findings, "finding"),
                  plural(FilesWithFindings.size(), "file"));
  if (Findings)
    Text += fmt::format(" ({} auto-fixable, {} manual)", Fixable,
                        Findings - Fixable);
  if (Suppressed)
    Text += fmt::format("; {} suppressed by NOLINT", Suppressed);
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
  // As ruff ends a --fix run: what is left to do by hand.
  if (Fixing)
    Text += fmt::format("pycapi-migrate: {}, {} fixed, {} remaining\n",
                        plural(Findings, "finding"), Fixed, Findings - Fixed);
  return Text;
}

} // namespace pycapi::cli
