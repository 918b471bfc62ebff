//===--- FixSet.cpp - the fixes of a run, merged per file ------------------===//
#include "FixSet.h"
#include "llvm/ADT/STLExtras.h"

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace pycapi::cli {

void FixSet::add(const Replacement &R) {
  Replacements &InFile = Files[R.getFilePath().str()];
  if (llvm::is_contained(InFile, R))
    return;
  // Replacements::add refuses overlapping edits and leaves the set as it was.
  // (It would also merge two insertions at one place when their order does
  // not matter; two translation units inserting the same text there are
  // caught above, as identical.)
  if (llvm::Error Err = InFile.add(R)) {
    llvm::consumeError(std::move(Err));
    Conflicts.insert(R.getFilePath().str());
  }
}

std::map<std::string, Replacements> FixSet::applicable() const {
  std::map<std::string, Replacements> Result;
  for (const auto &FileAndFixes : Files)
    if (!Conflicts.count(FileAndFixes.first) &&
        !Refused.count(FileAndFixes.first) && !FileAndFixes.second.empty())
      Result.insert(FileAndFixes);
  return Result;
}

bool FixSet::willApply(const Replacement &R) const {
  if (Conflicts.count(R.getFilePath().str()) ||
      Refused.count(R.getFilePath().str()))
    return false;
  auto It = Files.find(R.getFilePath().str());
  return It != Files.end() && llvm::is_contained(It->second, R);
}

} // namespace pycapi::cli
