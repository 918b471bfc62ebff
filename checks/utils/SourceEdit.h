//===--- SourceEdit.h - text edits built from source ranges
//----------------===//
//
// Helpers for fixes that insert whole statements: finding where a statement
// really ends (its ';'), the indentation of a line, the line ending that new
// lines take, and a builder that merges insertions at one place so that a
// diagnostic never carries two edits that clang would consider conflicting.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_SOURCEEDIT_H
#define PYCAPI_CHECKS_UTILS_SOURCEEDIT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi {

/// The location just past \p S, including a ';' that ends it (expression,
/// return, goto, break and do-while statements do not include their ';').
SourceLocation endOfStatement(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LangOpts);

/// A statement that is not in a block (the branch of an if, the body of a
/// loop), from \p Begin to \p End, rewritten as a block of \p Lines: the
/// range to replace (from just after the token before it) and its text.
/// On a line of its own the block spans lines, its closing brace lined up
/// with \p Owner (the statement that owns the branch); otherwise it stays
/// on one line. Nothing when the token before it is in a macro.
std::optional<std::pair<CharSourceRange, std::string>>
bracedStatement(SourceLocation Begin, SourceLocation End, const Stmt *Owner,
                llvm::ArrayRef<std::string> Lines, llvm::StringRef LineEnding,
                const SourceManager &SM, const LangOptions &LangOpts);

/// The whitespace that starts the line holding \p Loc.
std::string indentationOf(SourceLocation Loc, const SourceManager &SM);

/// The location of the first character of the line holding \p Loc.
SourceLocation startOfLine(SourceLocation Loc, const SourceManager &SM);

/// True when only whitespace precedes \p Loc on its line.
bool startsLine(SourceLocation Loc, const SourceManager &SM);

/// The line ending that every line a fix writes into the file holding \p Loc
/// ends with: the ending of the file's first line, "\r\n" (CRLF) or "\n"
/// ("\n" for a file of one line). One ending per file, so that the lines of
/// a fix agree with each other wherever they go; a file that mixes endings
/// gets its first line's. Every check builds the text of new lines with it.
llvm::StringRef lineEndingOf(SourceLocation Loc, const SourceManager &SM);

/// Where the text of the line before the one starting at \p LineStart ends:
/// the first character of its line break ("\n", "\r\n" or "\r"). Invalid at
/// the start of the file.
SourceLocation startOfPreviousLineBreak(SourceLocation LineStart,
                                        const SourceManager &SM);

/// Where the code on the line of \p Loc ends, from \p Loc on: just past the
/// last token or comment that starts on that line. \p Loc itself when
/// nothing but whitespace follows it; invalid when a token or comment goes
/// on to the next line.
SourceLocation endOfLineCode(SourceLocation Loc, const SourceManager &SM,
                             const LangOptions &LangOpts);

/// Source text of \p Range (a token range), or "" if it is not in one file.
std::string textOf(SourceRange Range, const SourceManager &SM,
                   const LangOptions &LangOpts);

/// Calls \p Visit with every identifier token spelled in the file range
/// [\p Begin, \p End) (raw lexing: comments, strings and inactive code are
/// seen as text, macros are not expanded).
void forEachRawIdentifier(
    SourceLocation Begin, SourceLocation End, const SourceManager &SM,
    const LangOptions &LangOpts,
    llvm::function_ref<void(llvm::StringRef Name, SourceLocation Loc)> Visit);

/// New local names for the code that fixes write into one function: a
/// name clashes with no identifier the function spells (a local, a global,
/// a label) and with nothing that is or was a macro in the translation unit,
/// which would be expanded in the new code. `result`, then `result2`...
class FreshNames {
public:
  FreshNames(const Decl &Function, ASTContext &Context);
  /// \p Base, or \p Base with a number; taken from then on.
  std::string take(const std::string &Base);

private:
  ASTContext &Context;
  llvm::StringSet<> Taken;
};

/// Collects the edits of one fix. Insertions at the same place are merged
/// in the order they were added; replacements must not overlap. Overlaps
/// are found, and edits inside a range applied, with tooling::Replacements.
class FixBuilder {
public:
  void insert(SourceLocation Loc, llvm::StringRef Text);
  /// \p Range must be a char range in one file.
  void replace(CharSourceRange Range, llvm::StringRef Text);
  /// An edit that belongs to another diagnostic. It is not part of hints()
  /// unless a larger replacement absorbs it.
  void replaceForeign(CharSourceRange Range, llvm::StringRef Text);
  /// The source text of \p Range with every edit that lies inside it
  /// applied; those edits are dropped from the builder, since the caller
  /// replaces the whole range with text built from the result.
  std::string absorb(CharSourceRange Range, const SourceManager &SM,
                     const LangOptions &LangOpts);
  /// Whether a foreign edit that began at \p Loc was absorbed.
  bool absorbedForeign(SourceLocation Loc) const;
  bool empty() const { return Insertions.empty() && Replaced.empty(); }
  /// False when two replacements overlap or an insertion falls strictly
  /// inside a replaced range: such edits would not combine into one text.
  /// (An insertion at either end of a replaced range, or two at one place,
  /// combine.)
  bool consistent(const SourceManager &SM) const;
  std::vector<FixItHint> hints() const;

private:
  struct Replacement {
    CharSourceRange Range;
    std::string Text;
    bool Foreign;
  };
  /// An edit as offsets into a range of its file.
  struct OffsetEdit {
    unsigned Begin, End;
    std::string Text;
  };
  /// Removes the edits inside [\p Begin, \p End) of \p File (an insertion
  /// strictly inside) and returns them, as offsets from \p Begin.
  std::vector<OffsetEdit> takeEditsInside(FileID File, unsigned Begin,
                                          unsigned End, const SourceManager &SM,
                                          const LangOptions &LangOpts);

  std::map<SourceLocation, std::string> Insertions;
  std::vector<Replacement> Replaced;
  /// Where the foreign edits that absorb() took began.
  llvm::DenseSet<SourceLocation> AbsorbedForeign;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_SOURCEEDIT_H
