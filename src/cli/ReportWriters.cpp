//===--- ReportWriters.cpp - findings as JSON and as SARIF -----------------===//
#include "ReportWriters.h"
#include "SourceText.h"
#include "llvm/Config/llvm-config.h"
#include "LLVMCompat.h"
#include <fmt/core.h>
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

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

//===--- JSON --------------------------------------------------------------===//

static void jsonPlace(OStream &J, SourceText &Text, const ReportContext &C,
                      llvm::StringRef Path, unsigned Offset) {
  Position P = Text.position(Path, Offset);
  J.attribute("file", relativeTo(C.Root, Path));
  J.attribute("line", P.Line);
  J.attribute("column", P.Column);
  J.attribute("offset", Offset);
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

//===--- SARIF -------------------------------------------------------------===//

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
      J.attribute("uri", "file://" + uriPath(llvm::sys::path::convert_to_slash(Path)));
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

static std::string ruleDescription(llvm::StringRef Check) {
  if (Check == "pycapi-removed-buffer-api")
    return "Use of the buffer functions that Python 3.13 removed.";
  if (Check == "pycapi-removed-api")
    return "Use of public C API that a Python release removed.";
  if (Check == "pycapi-removed-private-api")
    return "Use of private C API that Python 3.13 removed.";
  if (Check == "pycapi-limited-api")
    return "Use of API outside the limited C API.";
  if (compat::startsWith(Check, "clang-diagnostic-"))
    return "Compiler diagnostic.";
  return "pycapi-migrate check " + Check.str() + ".";
}

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportContext &C) {
  // Rules: the enabled checks, then any other name a result uses (compiler
  // diagnostics), each once, in a fixed order.
  std::vector<std::string> Rules = C.EnabledChecks;
  for (const Finding &F : Findings)
    if (!llvm::is_contained(Rules, F.Absolute.DiagnosticName))
      Rules.push_back(F.Absolute.DiagnosticName);
  auto RuleIndex = [&](llvm::StringRef Name) {
    return static_cast<int64_t>(llvm::find(Rules, Name) - Rules.begin());
  };

  SourceText Own;
  SourceText &Text = C.Text ? *C.Text : Own;
  OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "pycapi-migrate");
            J.attribute("version", PYCAPI_VERSION);
            J.attribute("semanticVersion", PYCAPI_VERSION);
            J.attributeArray("rules", [&] {
              for (const std::string &Rule : Rules)
                J.object([&] {
                  J.attribute("id", Rule);
                  J.attribute("name", Rule);
                  J.attributeObject("shortDescription", [&] {
                    J.attribute("text", ruleDescription(Rule));
                  });
                  J.attributeObject("defaultConfiguration", [&] {
                    J.attribute("level",
                                compat::startsWith(Rule, "clang-diagnostic-")
                                    ? "error"
                                    : "warning");
                  });
                });
            });
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject(SrcRoot, [&] {
            std::string Root = uriPath(llvm::sys::path::convert_to_slash(C.Root));
            if (Root.empty() || Root.back() != '/')
              Root += '/';
            J.attribute("uri", "file://" + Root);
          });
        });
        J.attribute("columnKind", "unicodeCodePoints");
        J.attributeArray("results", [&] {
          for (const Finding &F : Findings) {
            const tooling::DiagnosticMessage &M = F.Absolute.Message;
            if (M.FilePath.empty())
              continue; // SARIF results here are about a place in a file
            J.object([&] {
              J.attribute("ruleId", F.Absolute.DiagnosticName);
              J.attribute("ruleIndex", RuleIndex(F.Absolute.DiagnosticName));
              J.attribute("level", levelName(F.Absolute.DiagLevel));
              J.attributeObject("message",
                                [&] { J.attribute("text", M.Message); });
              J.attributeArray("locations", [&] {
                J.object([&] {
                  J.attributeObject("physicalLocation", [&] {
                    artifactLocation(J, C, M.FilePath);
                    region(J, Text, M.FilePath, M.FileOffset, nullptr);
                  });
                });
              });
              if (!F.Absolute.Notes.empty())
                J.attributeArray("relatedLocations", [&] {
                  int64_t Id = 0;
                  for (const tooling::DiagnosticMessage &N : F.Absolute.Notes) {
                    if (N.FilePath.empty())
                      continue;
                    J.object([&] {
                      J.attribute("id", Id++);
                      J.attributeObject("message",
                                        [&] { J.attribute("text", N.Message); });
                      J.attributeObject("physicalLocation", [&] {
                        artifactLocation(J, C, N.FilePath);
                        region(J, Text, N.FilePath, N.FileOffset, nullptr);
                      });
                    });
                  }
                });
              // Only what --fix applies: none of a file it leaves alone.
              auto Applied = [&](const tooling::Replacement &R) {
                return C.Fixes && C.Fixes->willApply(R);
              };
              bool AnyApplied = false;
              for (const auto &FileAndReplacements : M.Fix)
                AnyApplied |= llvm::any_of(FileAndReplacements.second, Applied);
              if (AnyApplied)
                J.attributeArray("fixes", [&] {
                  J.object([&] {
                    J.attributeObject("description", [&] {
                      J.attribute("text", "Apply the fix of " +
                                              F.Absolute.DiagnosticName);
                    });
                    J.attributeArray("artifactChanges", [&] {
                      for (const auto &FileAndReplacements : M.Fix) {
                        if (llvm::none_of(FileAndReplacements.second, Applied))
                          continue;
                        J.object([&] {
                          artifactLocation(J, C, FileAndReplacements.first());
                          J.attributeArray("replacements", [&] {
                            for (const tooling::Replacement &R :
                                 FileAndReplacements.second)
                              if (Applied(R))
                                J.object([&] {
                                  unsigned Length = R.getLength();
                                  region(J, Text, R.getFilePath(),
                                         R.getOffset(), &Length);
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
            });
          }
        });
      });
    });
  });
  OS << "\n";
}

} // namespace pycapi::cli
