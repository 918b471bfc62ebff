//===--- TokenWatch.cpp - share the preprocessor's one token watcher ------===//
#include "TokenWatch.h"
#include "PerPreprocessor.h"
#include "SourceFilter.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <vector>

namespace clang::tidy::pycapi {
namespace {

struct Listeners {
  std::vector<TokenListener> List;
  TokenWatchStatus Status;
};

/// Installs the watcher on its preprocessor while that lexes a user's file.
class UserFileWatch : public PPCallbacks {
public:
  UserFileWatch(Preprocessor &PP, std::shared_ptr<Listeners> Shared)
      : PP(PP), UserCode(PP.getSourceManager()), Shared(std::move(Shared)) {
    // Added while a file is being lexed already: watch until the next file
    // change tells which file it is.
    setWatching(PP.getCurrentFileLexer() != nullptr);
  }

  void FileChanged(SourceLocation Loc, FileChangeReason,
                   SrcMgr::CharacteristicKind, FileID) override {
    // Entering and leaving a file, and a line marker or `#pragma GCC
    // system_header` that turns the rest of a file into a system header:
    // Loc is where the preprocessor lexes next.
    InUserFile = UserCode.isUserCode(Loc);
    setWatching(InUserFile);
  }

  void MacroDefined(const Token &, const MacroDirective *MD) override {
    if (InUserFile && MD->getMacroInfo())
      UserMacros.insert(MD->getMacroInfo());
  }

  void MacroExpands(const Token &, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *) override {
    // A user's macro expanded in a header: its body is the user's text, so
    // its tokens are watched as they were everywhere before (a macro's
    // expansion never outlasts the file it is expanded in).
    if (!Shared->Status.Watching && !UserMacros.empty() &&
        UserMacros.count(MD.getMacroInfo()))
      setWatching(true);
  }

private:
  void setWatching(bool On) {
    if (On == Shared->Status.Watching)
      return;
    Shared->Status.Watching = On;
    if (!On) {
      PP.setTokenWatcher(nullptr);
      return;
    }
    PP.setTokenWatcher([List = Shared.get()](const Token &Tok) {
      if (!Tok.is(tok::identifier))
        return;
      for (const TokenListener &Each : List->List)
        Each(Tok);
    });
  }

  Preprocessor &PP;
  ::pycapi::UserCodeCache UserCode;
  std::shared_ptr<Listeners> Shared;
  bool InUserFile = false;
  llvm::DenseSet<const MacroInfo *> UserMacros;
};

} // namespace

const TokenWatchStatus &addIdentifierListener(Preprocessor &PP,
                                              TokenListener Listener) {
  bool Created = false;
  std::shared_ptr<Listeners> Shared = perPreprocessor<Listeners>(PP, &Created);
  if (Created)
    PP.addPPCallbacks(std::make_unique<UserFileWatch>(PP, Shared));
  Shared->List.push_back(std::move(Listener));
  return Shared->Status;
}

} // namespace clang::tidy::pycapi
