//===--- FixSet.cpp - the fixes of a run, merged per file
//------------------===//
#include "FixSet.h"
#include <cstdint>

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace pycapi::cli {

void FixSet::add(const Replacement &R) {
  const std::string Path = R.getFilePath().str();
  FileEdits &InFile = Files[Path];
  Edit New{R.getOffset(), R.getLength(), R.getReplacementText().str()};
  // Two translation units that make the same edit: it is kept once. (Added
  // twice, Replacements::add would merge two equal insertions into one
  // double insertion.)
  if (InFile.count(New))
    return;
  // Replacements::add decides from the edits that R could touch alone: an
  // insertion at R's offset and the edits that overlap R. Those start
  // inside [R's offset, R's end], except one: the edit that starts before R
  // and may reach into it (the edits of a file never overlap, so only the
  // last one that starts before R can). Running Replacements::add on these
  // few gives what it would give on all of the file's edits, without a scan
  // of the file's edits for each one added.
  auto First = InFile.lower_bound(Edit{New.Offset, 0, ""});
  if (First != InFile.begin())
    --First;
  // 64 bits: a header insertion's offset is UINT_MAX.
  uint64_t End = uint64_t(New.Offset) + New.Length;
  auto Last = First;
  while (Last != InFile.end() && Last->Offset <= End)
    ++Last;
  Replacements Near;
  for (auto It = First; It != Last; ++It)
    // Never fails: they are edits of one valid set, added in order.
    llvm::consumeError(
        Near.add(Replacement(Path, It->Offset, It->Length, It->Text)));
  // Replacements::add refuses overlapping edits and leaves the set as it was.
  // (It would also merge two insertions at one place when their order does
  // not matter; two translation units inserting the same text there are
  // caught above, as identical.)
  if (llvm::Error Err = Near.add(R)) {
    llvm::consumeError(std::move(Err));
    Conflicts.insert(Path);
    return;
  }
  InFile.erase(First, Last);
  for (const Replacement &Kept : Near)
    InFile.insert(Edit{Kept.getOffset(), Kept.getLength(),
                       Kept.getReplacementText().str()});
}

std::map<std::string, Replacements> FixSet::applicable() const {
  std::map<std::string, Replacements> Result;
  for (const auto &FileAndEdits : Files) {
    const std::string &Path = FileAndEdits.first;
    if (Conflicts.count(Path) || Refused.count(Path) ||
        FileAndEdits.second.empty())
      continue;
    Replacements &InFile = Result[Path];
    for (const Edit &E : FileAndEdits.second)
      // In order, from a set that Replacements::add built: never fails.
      llvm::consumeError(
          InFile.add(Replacement(Path, E.Offset, E.Length, E.Text)));
  }
  return Result;
}

bool FixSet::willApply(const Replacement &R) const {
  const std::string Path = R.getFilePath().str();
  if (Conflicts.count(Path) || Refused.count(Path))
    return false;
  auto It = Files.find(Path);
  return It != Files.end() &&
         It->second.count(
             Edit{R.getOffset(), R.getLength(), R.getReplacementText().str()});
}

} // namespace pycapi::cli
