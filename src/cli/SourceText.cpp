//===--- SourceText.cpp - lines and columns of byte offsets
//----------------===//
#include "SourceText.h"
#include "LLVMCompat.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace pycapi::cli {

const SourceText::File *SourceText::load(llvm::StringRef Path) {
  auto It = Files.find(Path);
  if (It == Files.end()) {
    File Loaded;
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path)) {
      Loaded.Text = (*Buffer)->getBuffer().str();
      Loaded.LineStarts.push_back(0);
      for (unsigned I = 0; I < Loaded.Text.size(); ++I)
        if (Loaded.Text[I] == '\n')
          Loaded.LineStarts.push_back(I + 1);
    }
    It = Files.try_emplace(Path, std::move(Loaded)).first;
  }
  return It->second.LineStarts.empty() ? nullptr : &It->second;
}

Position SourceText::position(llvm::StringRef Path, unsigned Offset) {
  const File *F = load(Path);
  if (!F || Offset > F->Text.size())
    return {};
  auto Next =
      std::upper_bound(F->LineStarts.begin(), F->LineStarts.end(), Offset);
  unsigned Line = Next - F->LineStarts.begin();
  unsigned Start = *(Next - 1);
  unsigned CodePoints = 0;
  for (unsigned I = Start; I < Offset; ++I)
    CodePoints += (static_cast<unsigned char>(F->Text[I]) & 0xC0) != 0x80;
  return {Line, Offset - Start + 1, CodePoints + 1};
}

std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path) {
  llvm::StringRef Rest = Path;
  if (!Root.empty() && compat::startsWith(Path, Root)) {
    Rest = Path.drop_front(Root.size());
    if (Rest.empty() || llvm::sys::path::is_separator(Rest.front()) ||
        llvm::sys::path::is_separator(Root.back())) {
      Rest = Rest.ltrim("/");
      return llvm::sys::path::convert_to_slash(Rest);
    }
  }
  return Path.str();
}

} // namespace pycapi::cli
