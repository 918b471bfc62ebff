//===--- BufferReasons.h - why a buffer call is not fixed as usual
//---------===//
//
// The reasons of BufferReasons.def as enums, and their texts.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_BUFFER_BUFFERREASONS_H
#define PYCAPI_CHECKS_BUFFER_BUFFERREASONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <string>

namespace clang::tidy::pycapi::buffer {

/// Why a call of a removed buffer function gets no automatic fix.
enum class UnfixableReason {
#define UNFIXABLE(Name, Text, Doc) Name,
#include "BufferReasons.def"
};

/// Why ReleaseStrategy=Lifetime falls back to releasing the view right after
/// the copy.
enum class FallbackReason {
#define FALLBACK(Name, Rank, Text, Doc) Name,
#include "BufferReasons.def"
};

/// How much a fallback reason explains, weakest first: when several apply,
/// the note gives the strongest. An escape is the real reason; a
/// control-flow one (a conditional return in a macro, a loop) only says why
/// the analysis gave up, and a call that may keep the pointer explains more
/// than that.
enum class FallbackRank { ControlFlow, MayKeep, Escape };

/// The note text of \p Reason, %0 standing for the name it interpolates.
llvm::StringRef reasonText(UnfixableReason Reason);
llvm::StringRef reasonText(FallbackReason Reason);
FallbackRank rankOf(FallbackReason Reason);

/// A reason with the name its text interpolates (empty when it has none)
/// and where its note goes (invalid: at the call).
template <typename ReasonKind> struct ReasonAt {
  ReasonKind Reason;
  std::string Name;
  SourceLocation Loc;

  /// The note text, with %0 replaced by Name.
  std::string text() const {
    llvm::StringRef Text = reasonText(Reason);
    size_t Slot = Text.find("%0");
    if (Slot == llvm::StringRef::npos)
      return Text.str();
    return (llvm::Twine(Text.take_front(Slot)) + Name +
            Text.drop_front(Slot + 2))
        .str();
  }
};

/// Why a site gets no automatic fix.
using Unfixable = ReasonAt<UnfixableReason>;
/// Why a view is released right after the copy under Lifetime.
using Fallback = ReasonAt<FallbackReason>;

} // namespace clang::tidy::pycapi::buffer

#endif // PYCAPI_CHECKS_BUFFER_BUFFERREASONS_H
