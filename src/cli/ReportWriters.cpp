//===--- ReportWriters.cpp - findings as JSON and as SARIF
//-----------------===//
#include "ReportWriters.h"
#include "CheckCatalog.h"
#include "InstallLayout.h"
#include "LLVMCompat.h"
#include "SourceText.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <fmt/core.h>

using namespace clang;
using llvm::json::OStream;

namespace pycapi::cli {

static const char *levelName(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return "error";
  case tooling::Diagnostic::Warning:
    return "warning";
  default:
    return "note";
  }
}

//===--- JSON
//--------------------------------------------------------------===//

static void jsonPlace(OStream &J, SourceText &Text, const ReportContext &C,
                      llvm::StringRef Path, unsigned Offset) {
  Position P = Text.position(Path, Offset);
  J.attribute("file", relativeTo(C.Root, Path));
  J.attribute("line", P.Line);
  J.attribute("column", P.Column);
  J.attribute("offset", Offset);
}

/// What the check recorded of a finding (CheckFindings.h): the fields a
/// script would otherwise have to read back out of the message.
static void jsonAbout(OStream &J, const ::pycapi::CheckFinding &About) {
  J.attributeObject("about", [&] {
    J.attribute("symbol", About.Symbol);
    if (About.Release)
      J.attribute("release", ::pycapi::formatPyVersion(About.Release));
    if (!About.Replacement.empty())
      J.attribute("replacement", About.Replacement);
    if (!About.WhyNot.empty())
      J.attribute("why_not", About.WhyNot);
  });
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const ReportContext &C) {
  SourceText Own;
  SourceText &Text = C.Text ? *C.Text : Own;
  OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeObject("tool", [&] {
      J.attribute("name", "pycapi-migrate");
      J.attribute("version", PYCAPI_VERSION);
      J.attribute("llvm", LLVM_VERSION_STRING);
    });
    J.attribute("root", C.Root);
    J.attributeArray("findings", [&] {
      for (const Finding &F : Findings) {
        const tooling::DiagnosticMessage &M = F.Absolute.Message;
        J.object([&] {
          J.attribute("check", F.Absolute.DiagnosticName);
          J.attribute("level", levelName(F.Absolute.DiagLevel));
          J.attribute("message", M.Message);
          jsonPlace(J, Text, C, M.FilePath, M.FileOffset);
          J.attribute("fixable", F.Fixable);
          J.attributeArray("fixes", [&] {
            for (const auto &FileAndReplacements : M.Fix)
              for (const tooling::Replacement &R : FileAndReplacements.second)
                J.object([&] {
                  jsonPlace(J, Text, C, R.getFilePath(), R.getOffset());
                  J.attribute("length", R.getLength());
                  J.attribute("replacement", R.getReplacementText());
                  J.attribute("applicable", C.Fixes && C.Fixes->willApply(R));
                });
          });
          J.attributeArray("notes", [&] {
            for (const tooling::DiagnosticMessage &N : F.Absolute.Notes)
              J.object([&] {
                J.attribute("message", N.Message);
                jsonPlace(J, Text, C, N.FilePath, N.FileOffset);
              });
          });
          if (const ::pycapi::CheckFinding *About =
                  C.Recorded ? C.Recorded->find(F.Original) : nullptr)
            jsonAbout(J, *About);
        });
      }
    });
    J.attributeArray("conflicts", [&] {
      if (C.Fixes)
        for (const std::string &File : C.Fixes->conflictingFiles())
          J.value(relativeTo(C.Root, File));
    });
    if (const Summary *S = C.Totals)
      J.attributeObject("summary", [&] {
        J.attribute("findings", S->Findings);
        J.attribute("auto_fixable", S->Fixable);
        J.attribute("manual", S->Findings - S->Fixable);
        J.attribute("compiler_errors", S->CompilerErrors);
        J.attribute("files_with_findings",
                    static_cast<int64_t>(S->FilesWithFindings.size()));
        J.attribute("files_changed", S->FilesChanged);
        J.attribute("translation_units", S->TranslationUnits);
        J.attributeObject("checks", [&] {
          for (const auto &NameAndCount : S->PerCheck)
            J.attributeObject(NameAndCount.first, [&] {
              J.attribute("findings", NameAndCount.second.Findings);
              J.attribute("auto_fixable", NameAndCount.second.Fixable);
            });
        });
      });
  });
  OS << "\n";
}

//===--- SARIF
//-------------------------------------------------------------===//

static const char *const SrcRoot = "%SRCROOT%";

/// Percent-encodes what a URI path may not hold as it is (RFC 3986).
static std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char Ch : Path) {
    if (llvm::isAlnum(Ch) || llvm::StringRef("-._~/").contains(Ch))
      Out += static_cast<char>(Ch);
    else {
      const char *Hex = "0123456789ABCDEF";
      Out += '%';
      Out += Hex[Ch >> 4];
      Out += Hex[Ch & 15];
    }
  }
  return Out;
}

static void artifactLocation(OStream &J, const ReportContext &C,
                             llvm::StringRef Path) {
  J.attributeObject("artifactLocation", [&] {
    std::string Relative = relativeTo(C.Root, Path);
    if (Relative != Path) {
      J.attribute("uri", uriPath(Relative));
      J.attribute("uriBaseId", SrcRoot);
    } else {
      J.attribute("uri",
                  "file://" + uriPath(llvm::sys::path::convert_to_slash(Path)));
    }
  });
}

static void region(OStream &J, SourceText &Text, llvm::StringRef Path,
                   unsigned Offset, const unsigned *Length) {
  Position Begin = Text.position(Path, Offset);
  J.attributeObject(Length ? "deletedRegion" : "region", [&] {
    J.attribute("startLine", std::max(1u, Begin.Line));
    J.attribute("startColumn", std::max(1u, Begin.CodePointColumn));
    if (Length) {
      Position End = Text.position(Path, Offset + *Length);
      J.attribute("endLine", std::max(1u, End.Line));
      J.attribute("endColumn", std::max(1u, End.CodePointColumn));
    }
  });
}

/// What a SARIF rule says of itself: the check's summary and page from the
/// check catalog; a compiler diagnostic (clang-diagnostic-*) is described
/// as one.
struct RuleText {
  std::string Description;
  /// The check's page relative to the docs' root ("docs/checks/x.md");
  /// empty when there is none.
  std::string Page;
  /// Its web address (docsPageUrl); empty without a docs URL or a page.
  std::string HelpUri;
};

static RuleText ruleText(llvm::StringRef Rule) {
  if (const clang::tidy::pycapi::CheckInfo *Check =
          clang::tidy::pycapi::findCheck(Rule))
    return {Check->Summary.str(), Check->DocPath.str(),
            docsPageUrl(Check->DocPath)};
  if (compat::startsWith(Rule, "clang-diagnostic-"))
    return {"Compiler diagnostic.", "", ""};
  return {"pycapi-migrate check " + Rule.str() + ".", "", ""};
}

/// The rules, each with its index (by which a result names it): the enabled
/// checks, then any other name a result uses (compiler diagnostics), each
/// once, in a fixed order. The names are those of \p C and the findings.
using SarifRules = llvm::MapVector<llvm::StringRef, int64_t>;

static SarifRules sarifRules(const std::vector<Finding> &Findings,
                             const ReportContext &C) {
  SarifRules Rules;
  auto Add = [&](llvm::StringRef Name) {
    Rules.insert({Name, static_cast<int64_t>(Rules.size())});
  };
  for (const std::string &Check : C.EnabledChecks)
    Add(Check);
  for (const Finding &F : Findings)
    Add(F.Absolute.DiagnosticName);
  return Rules;
}

static void sarifRule(OStream &J, llvm::StringRef Rule) {
  RuleText Text = ruleText(Rule);
  // Code scanning shows fullDescription and help on the alert's page, and
  // helpUri as a link. The log is read on other machines, so the link is a
  // web address (docsUrl) or there is none: a file:// URL of this machine
  // would lead nowhere there. Without one, the help names the page in the
  // installed docs.
  std::string HelpText, HelpMarkdown;
  if (Text.Page.empty()) {
    HelpText = Text.Description +
               " Fix the compile command (-p, --extra-arg, or the arguments "
               "after '--') or the code, then run pycapi-migrate again.";
    HelpMarkdown = HelpText;
  } else if (!Text.HelpUri.empty()) {
    HelpText = Text.Description + " Documentation: " + Text.HelpUri;
    HelpMarkdown = Text.Description + " See [the check's documentation](" +
                   Text.HelpUri + ").";
  } else {
    llvm::SmallString<256> Installed(docsRoot());
    llvm::sys::path::append(Installed, Text.Page);
    HelpText = Text.Description + " Documentation: " + Text.Page +
               " in pycapi-migrate's docs (here: " + Installed.str().str() +
               ").";
    HelpMarkdown = Text.Description + " Documentation: `" + Text.Page +
                   "` in pycapi-migrate's docs (here: `" +
                   Installed.str().str() + "`).";
  }
  J.object([&] {
    J.attribute("id", Rule);
    J.attribute("name", Rule);
    J.attributeObject("shortDescription",
                      [&] { J.attribute("text", Text.Description); });
    J.attributeObject("fullDescription",
                      [&] { J.attribute("text", HelpText); });
    J.attributeObject("help", [&] {
      J.attribute("text", HelpText);
      J.attribute("markdown", HelpMarkdown);
    });
    if (!Text.HelpUri.empty())
      J.attribute("helpUri", Text.HelpUri);
    J.attributeObject("defaultConfiguration", [&] {
      J.attribute("level", compat::startsWith(Rule, "clang-diagnostic-")
                               ? "error"
                               : "warning");
    });
  });
}

/// The tool, its version and its rules.
static void sarifTool(OStream &J, const SarifRules &Rules) {
  J.attributeObject("tool", [&] {
    J.attributeObject("driver", [&] {
      J.attribute("name", "pycapi-migrate");
      J.attribute("version", PYCAPI_VERSION);
      J.attribute("semanticVersion", PYCAPI_VERSION);
      // Like helpUri: a web address, or none.
      std::string Guide = docsPageUrl("docs/user-guide.md");
      if (!Guide.empty())
        J.attribute("informationUri", Guide);
      J.attributeArray("rules", [&] {
        for (const auto &RuleAndIndex : Rules)
          sarifRule(J, RuleAndIndex.first);
      });
    });
  });
}

/// The notes of a finding, as related locations (those in a file).
static void sarifRelatedLocations(OStream &J, SourceText &Text,
                                  const ReportContext &C, const Finding &F) {
  if (F.Absolute.Notes.empty())
    return;
  J.attributeArray("relatedLocations", [&] {
    int64_t Id = 0;
    for (const tooling::DiagnosticMessage &N : F.Absolute.Notes) {
      if (N.FilePath.empty())
        continue;
      J.object([&] {
        J.attribute("id", Id++);
        J.attributeObject("message", [&] { J.attribute("text", N.Message); });
        J.attributeObject("physicalLocation", [&] {
          artifactLocation(J, C, N.FilePath);
          region(J, Text, N.FilePath, N.FileOffset, nullptr);
        });
      });
    }
  });
}

/// A finding's fix, as far as --fix applies it: none of a file it leaves
/// alone, and no "fixes" at all when it applies none of the edits.
static void sarifFixes(OStream &J, SourceText &Text, const ReportContext &C,
                       const Finding &F) {
  const tooling::DiagnosticMessage &M = F.Absolute.Message;
  auto Applied = [&](const tooling::Replacement &R) {
    return C.Fixes && C.Fixes->willApply(R);
  };
  bool AnyApplied = false;
  for (const auto &FileAndReplacements : M.Fix)
    AnyApplied |= llvm::any_of(FileAndReplacements.second, Applied);
  if (!AnyApplied)
    return;
  J.attributeArray("fixes", [&] {
    J.object([&] {
      J.attributeObject("description", [&] {
        J.attribute("text", "Apply the fix of " + F.Absolute.DiagnosticName);
      });
      J.attributeArray("artifactChanges", [&] {
        for (const auto &FileAndReplacements : M.Fix) {
          if (llvm::none_of(FileAndReplacements.second, Applied))
            continue;
          J.object([&] {
            artifactLocation(J, C, FileAndReplacements.first());
            J.attributeArray("replacements", [&] {
              for (const tooling::Replacement &R : FileAndReplacements.second)
                if (Applied(R))
                  J.object([&] {
                    unsigned Length = R.getLength();
                    region(J, Text, R.getFilePath(), R.getOffset(), &Length);
                    J.attributeObject("insertedContent", [&] {
                      J.attribute("text", R.getReplacementText());
                    });
                  });
            });
          });
        }
      });
    });
  });
}

/// One finding that is about a place in a file.
static void sarifResult(OStream &J, SourceText &Text, const ReportContext &C,
                        const SarifRules &Rules, const Finding &F) {
  const tooling::DiagnosticMessage &M = F.Absolute.Message;
  J.object([&] {
    J.attribute("ruleId", F.Absolute.DiagnosticName);
    J.attribute("ruleIndex", Rules.lookup(F.Absolute.DiagnosticName));
    J.attribute("level", levelName(F.Absolute.DiagLevel));
    // Code scanning shows a result's message, not its related locations:
    // the advice of a finding without a fix (its notes) goes into the
    // message too.
    std::string Message = M.Message;
    if (!F.Fixable && !F.CompilerError)
      for (const tooling::DiagnosticMessage &N : F.Absolute.Notes)
        Message += "; " + N.Message;
    J.attributeObject("message", [&] { J.attribute("text", Message); });
    J.attributeArray("locations", [&] {
      J.object([&] {
        J.attributeObject("physicalLocation", [&] {
          artifactLocation(J, C, M.FilePath);
          region(J, Text, M.FilePath, M.FileOffset, nullptr);
        });
      });
    });
    sarifRelatedLocations(J, Text, C, F);
    sarifFixes(J, Text, C, F);
  });
}

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportContext &C) {
  SarifRules Rules = sarifRules(Findings, C);
  SourceText Own;
  SourceText &Text = C.Text ? *C.Text : Own;
  OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        sarifTool(J, Rules);
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject(SrcRoot, [&] {
            std::string Root =
                uriPath(llvm::sys::path::convert_to_slash(C.Root));
            if (Root.empty() || Root.back() != '/')
              Root += '/';
            J.attribute("uri", "file://" + Root);
          });
        });
        J.attribute("columnKind", "unicodeCodePoints");
        J.attributeArray("results", [&] {
          for (const Finding &F : Findings)
            if (!F.Absolute.Message.FilePath.empty()) // about a place in a file
              sarifResult(J, Text, C, Rules, F);
        });
      });
    });
  });
  OS << "\n";
}

} // namespace pycapi::cli
