//===--- RemovedApiFixes.cpp - warnings and fixes of removed-API checks ---===//
//
// What a use of a removed name turns into: the warning naming the
// replacement, and the fix its data row allows (a rename, a call template
// filled with the arguments as written, the compat header's #include), or a
// note saying why there is none.
//
//===----------------------------------------------------------------------===//
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "RemovedApiCheckBase.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace clang::tidy::pycapi::removedapi {

using ::pycapi::formatPyVersion;
using ::pycapi::RemovedApi;
using ::pycapi::RewriteKind;
using ::pycapi::compat::startsWith;

namespace {

/// The name as a user writes it: `tracemalloc.h` for `Include/tracemalloc.h`.
StringRef displayName(const RemovedApi &Api) {
  StringRef Name = Api.Name;
  if (Api.Kinds & ::pycapi::KindBit::Header)
    Name.consume_front("Include/");
  return Name;
}

/// The identifier a fix introduces: the fix itself for a rename, the callee
/// of a call template.
StringRef fixedName(const RemovedApi &Api) {
  return Api.Fix.take_until([](char C) { return C == '('; });
}

/// The offset just past the `#include <Python.h>` line of \p Buffer, if any.
::pycapi::compat::Optional<size_t> afterPythonInclude(StringRef Buffer) {
  size_t LineStart = 0;
  while (LineStart < Buffer.size()) {
    size_t LineEnd = Buffer.find('\n', LineStart);
    if (LineEnd == StringRef::npos)
      return {};
    StringRef Line = Buffer.slice(LineStart, LineEnd).ltrim();
    if (Line.consume_front("#")) {
      Line = Line.ltrim();
      if (Line.consume_front("include")) {
        Line = Line.ltrim();
        if (startsWith(Line, "<Python.h>") || startsWith(Line, "\"Python.h\""))
          return LineEnd + 1;
      }
    }
    LineStart = LineEnd + 1;
  }
  return {};
}

} // namespace

void RemovedApiCheckBase::report(const Use &U) {
  const RemovedApi &Api = *U.Api;
  if (Api.Replacement.empty()) {
    diag(U.Loc, "'%0' was removed in Python %1 and has no public "
                "replacement; remove the use or reimplement it in the "
                "extension")
        << displayName(Api) << formatPyVersion(Api.RemovedIn);
    if (!Api.Notes.empty())
      diag(U.Loc, "%0", DiagnosticIDs::Note) << Api.Notes;
    return;
  }
  std::vector<FixItHint> Fixes;
  std::string Why;
  planFix(U, Fixes, Why);
  {
    auto Diag = diag(U.Loc, "'%0' was removed in Python %1; use %2")
                << displayName(Api) << formatPyVersion(Api.RemovedIn)
                << Api.Replacement;
    for (const FixItHint &Fix : Fixes)
      Diag << Fix;
  }
  if (!Why.empty())
    diag(U.Loc, "no automatic fix: %0", DiagnosticIDs::Note) << Why;
}

void RemovedApiCheckBase::planFix(const Use &U, std::vector<FixItHint> &Fixes,
                                  std::string &Why) {
  const RemovedApi &Api = *U.Api;
  if (U.InSkippedCode) {
    ::pycapi::PyVersion Parsed = Branches.headersVersion();
    Why = "the headers being parsed" +
          (Parsed ? " (Python " + formatPyVersion(Parsed) + ")" : std::string()) +
          " skip this line, which Python " + formatPyVersion(Target) +
          " compiles ('" + Branches.whySkipped(U.Loc).Directive +
          "'); run the tool against Python " + formatPyVersion(Target) +
          "'s headers to fix it";
    return;
  }
  if (Api.Fix.empty()) {
    if (!Api.Notes.empty())
      Why = Api.Notes.str();
    else if (U.Kind == UseKind::Member)
      Why = "the replacement is an API, not a member; rewrite the code that "
            "uses the member";
    else if (Api.Rewrite == RewriteKind::Rename)
      Why = "the replacement is valid only in some Python versions";
    else
      Why = "the replacement is not a drop-in substitute; review the call";
    return;
  }
  if (const MacroWithRemovedName *Macro = macroDefining(U.Loc);
      Macro && Macro->Name == fixedName(Api)) {
    Why = "this macro defines '" + Macro->Name +
          "' as the removed name, a shim for Pythons older than " +
          formatPyVersion(Api.ReplacementSince) +
          "; renaming would make it name itself: define it only for them (#if "
          "PY_VERSION_HEX < " +
          ::pycapi::pyVersionHex(Api.ReplacementSince) + ") or delete it";
    return;
  }
  bool NeedsCompat = Api.ReplacementSince > Minimum;
  if (NeedsCompat) {
    std::string Intro = "'" + fixedName(Api).str() + "' is new in Python " +
                        formatPyVersion(Api.ReplacementSince) +
                        " and MinimumPythonVersion is " +
                        formatPyVersion(Minimum);
    if (CompatHeader.empty()) {
      Why = Intro + "; set CompatHeader (for example to pythoncapi_compat.h) "
                    "or raise MinimumPythonVersion";
      return;
    }
    if (!Api.CompatHeaderHasIt) {
      Why = Intro +
            ", and pythoncapi_compat.h does not provide it; raise "
            "MinimumPythonVersion to " +
            formatPyVersion(Api.ReplacementSince);
      return;
    }
  }
  if (Api.Fix.find('(') != StringRef::npos) {
    if (!callFix(U, Fixes, Why))
      return;
  } else {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Api.Fix));
  }
  if (NeedsCompat && !includeFix(Sources->getFileID(U.Loc), Fixes, Why))
    Fixes.clear();
}

bool RemovedApiCheckBase::callFix(const Use &U, std::vector<FixItHint> &Fixes,
                                  std::string &Why) {
  // The arguments are read from the text, so that calls the compiler could
  // not resolve are rewritten too.
  const SourceManager &SM = *Sources;
  FileID File = SM.getFileID(U.Loc);
  StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), *LangOpts, Buffer.begin(),
            Buffer.begin() + SM.getFileOffset(U.Loc), Buffer.end());
  Token Tok;
  Raw.LexFromRawLexer(Tok); // the name
  Raw.LexFromRawLexer(Tok);
  if (!Tok.is(tok::l_paren)) {
    Why = "the function is referenced, not called";
    return false;
  }
  llvm::SmallVector<StringRef, 4> Args;
  const char *ArgBegin = nullptr, *ArgEnd = nullptr;
  unsigned Depth = 0;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.isOneOf(tok::eof, tok::hash)) {
      Why = "the call's arguments could not be read";
      return false;
    }
    const char *TokBegin = Buffer.begin() + SM.getFileOffset(Tok.getLocation());
    bool EndsArg = Depth == 0 && Tok.isOneOf(tok::comma, tok::r_paren);
    if (EndsArg) {
      if (!ArgBegin) {
        if (Tok.is(tok::r_paren) && Args.empty())
          break; // no arguments
        Why = "the call's arguments could not be read";
        return false;
      }
      Args.push_back(StringRef(ArgBegin, ArgEnd - ArgBegin));
      ArgBegin = nullptr;
      if (Tok.is(tok::r_paren))
        break;
      continue;
    }
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (!ArgBegin)
      ArgBegin = TokBegin;
    ArgEnd = TokBegin + Tok.getLength();
  }
  // Fill the template: $N is the text of the N-th argument.
  std::string Text;
  StringRef Template = U.Api->Fix;
  unsigned Used = 0;
  for (size_t I = 0; I < Template.size(); ++I) {
    if (Template[I] != '$') {
      Text += Template[I];
      continue;
    }
    unsigned N = 0;
    while (I + 1 < Template.size() && llvm::isDigit(Template[I + 1]))
      N = N * 10 + (Template[++I] - '0');
    if (N == 0 || N > Args.size()) {
      Why = "the call does not have the arguments of the removed function";
      return false;
    }
    Used = std::max(Used, N);
    Text += Args[N - 1].str();
  }
  if (Used != Args.size()) {
    Why = "the call does not have the arguments of the removed function";
    return false;
  }
  // A template that keeps the arguments in order and appends some
  // (`NEW($1, $2, $3, NULL)`) becomes two small edits, so that a call spread
  // over several lines keeps its layout.
  std::string Kept;
  for (unsigned N = 1; N <= Args.size(); ++N)
    Kept += (N > 1 ? ", $" : "$") + std::to_string(N);
  StringRef Name = fixedName(*U.Api);
  StringRef Rest = Template.drop_front(Name.size());
  if (Rest.consume_front("(") && Rest.consume_front(Kept) &&
      Rest.consume_back(")") && (Rest.empty() || startsWith(Rest, ", ")) &&
      Rest.find('$') == StringRef::npos) {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Name));
    if (!Rest.empty())
      Fixes.push_back(FixItHint::CreateInsertion(Tok.getLocation(), Rest));
    return true;
  }
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(U.Loc, Tok.getLocation()), Text));
  return true;
}

bool RemovedApiCheckBase::includeFix(FileID File, std::vector<FixItHint> &Fixes,
                                     std::string &Why) {
  if (CompatIncluded || IncludeAdded.count(File))
    return true;
  const SourceManager &SM = *Sources;
  ::pycapi::compat::Optional<size_t> Offset =
      afterPythonInclude(SM.getBufferData(File));
  if (!Offset) {
    Why = "this file does not include Python.h, after which '#include \"" +
          CompatHeader + "\"' would go; include " + CompatHeader + " here";
    return false;
  }
  Fixes.push_back(FixItHint::CreateInsertion(
      SM.getLocForStartOfFile(File).getLocWithOffset(*Offset),
      "#include \"" + CompatHeader + "\"\n"));
  IncludeAdded.insert(File);
  return true;
}

} // namespace clang::tidy::pycapi::removedapi
