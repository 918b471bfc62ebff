//===--- DiffWriter.cpp - unified diffs of the fixes
//-----------------------===//
//
// A line diff: Myers' O(ND) over what lies between the common head and tail
// of the two texts, and, when that is long, over the parts between the lines
// that occur once in each text (see diffLines).
//
//===----------------------------------------------------------------------===//
#include "DiffWriter.h"
#include "LLVMCompat.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <cstdint>
#include <vector>

namespace pycapi::cli {

namespace {

enum class Op { Keep, Remove, Add };
struct Edit {
  Op Kind;
  size_t OldLine, NewLine; // 0-based, in the whole texts
};

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    End = End == llvm::StringRef::npos ? Text.size() : End + 1;
    Lines.push_back(Text.take_front(End)); // with its '\n', if any
    Text = Text.drop_front(End);
  }
  return Lines;
}

/// Myers' greedy O((N+M)D) edit script from A[ABegin, AEnd) to
/// B[BBegin, BEnd). To walk back from the end it keeps, for each D, the
/// furthest points of the diagonals that D-1 differences reach (-(D-1) to
/// D-1): O(D^2) memory, where one copy of the whole V per D would be
/// O((N+M)D).
void myers(const std::vector<llvm::StringRef> &A,
           const std::vector<llvm::StringRef> &B, size_t ABegin, size_t AEnd,
           size_t BBegin, size_t BEnd, std::vector<Edit> &Out) {
  long N = AEnd - ABegin, M = BEnd - BBegin, Max = N + M;
  std::vector<long> V(2 * Max + 2, 0);
  // Trace holds, from offset (D-1)^2, V[-(D-1) .. D-1] as round D found it.
  std::vector<long> Trace;
  auto Before = [&](long Step, long K) {
    return Trace[(Step - 1) * (Step - 1) + K + Step - 1];
  };
  long D = 0;
  for (; D <= Max; ++D) {
    for (long K = -(D - 1); D > 0 && K <= D - 1; ++K)
      Trace.push_back(V[Max + K]);
    bool Done = false;
    for (long K = -D; K <= D && !Done; K += 2) {
      long X = (K == -D || (K != D && V[Max + K - 1] < V[Max + K + 1]))
                   ? V[Max + K + 1]
                   : V[Max + K - 1] + 1;
      long Y = X - K;
      while (X < N && Y < M && A[ABegin + X] == B[BBegin + Y])
        ++X, ++Y;
      V[Max + K] = X;
      Done = X >= N && Y >= M;
    }
    if (Done)
      break;
  }
  std::vector<Edit> Reversed;
  long X = N, Y = M;
  for (long Step = D; Step > 0; --Step) {
    long K = X - Y;
    long PrevK =
        (K == -Step || (K != Step && Before(Step, K - 1) < Before(Step, K + 1)))
            ? K + 1
            : K - 1;
    long PrevX = Before(Step, PrevK), PrevY = PrevX - PrevK;
    while (X > PrevX && Y > PrevY) {
      --X, --Y;
      Reversed.push_back({Op::Keep, ABegin + X, BBegin + Y});
    }
    if (X == PrevX)
      Reversed.push_back({Op::Add, ABegin + X, BBegin + PrevY});
    else
      Reversed.push_back({Op::Remove, ABegin + PrevX, BBegin + Y});
    X = PrevX, Y = PrevY;
  }
  while (X > 0 && Y > 0) {
    --X, --Y;
    Reversed.push_back({Op::Keep, ABegin + X, BBegin + Y});
  }
  Out.insert(Out.end(), Reversed.rbegin(), Reversed.rend());
}

/// Above this many lines (both sides), the lines to compare are first split
/// at lines that occur once on each side (see diffLines).
constexpr size_t ExactDiffLines = 4000;

/// The edit script from A[ABegin, AEnd) to B[BBegin, BEnd). Myers' is
/// O((N+M)D), and the fixes of a generated file change lines all along it:
/// thousands of fixes in one file would cost billions of steps. So a long
/// stretch is first cut at the lines that occur exactly once in each text,
/// matched in the longest run that keeps their order (as patience diff
/// does); each part between two such lines is compared alone. The result
/// is a correct diff, though not always a shortest one; shorter stretches
/// (every usual fix) get Myers' diff of the whole stretch.
void diffLines(const std::vector<llvm::StringRef> &A,
               const std::vector<llvm::StringRef> &B, size_t ABegin,
               size_t AEnd, size_t BBegin, size_t BEnd,
               std::vector<Edit> &Out) {
  // The common head and tail of the stretch are kept as they are.
  while (ABegin < AEnd && BBegin < BEnd && A[ABegin] == B[BBegin])
    Out.push_back({Op::Keep, ABegin++, BBegin++});
  size_t Tail = 0;
  while (AEnd - Tail > ABegin && BEnd - Tail > BBegin &&
         A[AEnd - Tail - 1] == B[BEnd - Tail - 1])
    ++Tail;
  AEnd -= Tail;
  BEnd -= Tail;
  auto KeepTail = [&] {
    for (size_t I = 0; I < Tail; ++I)
      Out.push_back({Op::Keep, AEnd + I, BEnd + I});
  };
  if ((AEnd - ABegin) + (BEnd - BBegin) <= ExactDiffLines) {
    myers(A, B, ABegin, AEnd, BBegin, BEnd, Out);
    KeepTail();
    return;
  }
  // Lines that occur once on each side, in the order of A: (A, B) indices.
  struct Occurrences {
    /// How often the line occurs on each side, and where it first does in B.
    size_t InA = 0, InB = 0;
    size_t FirstInB = 0;
  };
  llvm::StringMap<Occurrences> Where;
  for (size_t I = ABegin; I < AEnd; ++I)
    ++Where[A[I]].InA;
  for (size_t J = BBegin; J < BEnd; ++J) {
    auto It = Where.find(B[J]);
    if (It != Where.end() && It->second.InB++ == 0)
      It->second.FirstInB = J;
  }
  std::vector<std::pair<size_t, size_t>> Unique;
  for (size_t I = ABegin; I < AEnd; ++I) {
    const Occurrences &Line = Where.find(A[I])->second;
    if (Line.InA == 1 && Line.InB == 1)
      Unique.emplace_back(I, Line.FirstInB);
  }
  // The longest run of them increasing in B too (patience sorting).
  std::vector<size_t> Tops, Link(Unique.size());
  for (size_t I = 0; I < Unique.size(); ++I) {
    auto Pile = std::lower_bound(
        Tops.begin(), Tops.end(), Unique[I].second,
        [&](size_t Top, size_t J) { return Unique[Top].second < J; });
    Link[I] = Pile == Tops.begin() ? SIZE_MAX : *(Pile - 1);
    if (Pile == Tops.end())
      Tops.push_back(I);
    else
      *Pile = I;
  }
  if (Tops.empty()) {
    myers(A, B, ABegin, AEnd, BBegin, BEnd, Out);
    KeepTail();
    return;
  }
  std::vector<std::pair<size_t, size_t>> Anchors;
  for (size_t I = Tops.back(); I != SIZE_MAX; I = Link[I])
    Anchors.push_back(Unique[I]);
  std::reverse(Anchors.begin(), Anchors.end());
  for (const auto &[AnchorA, AnchorB] : Anchors) {
    diffLines(A, B, ABegin, AnchorA, BBegin, AnchorB, Out);
    Out.push_back({Op::Keep, AnchorA, AnchorB});
    ABegin = AnchorA + 1;
    BBegin = AnchorB + 1;
  }
  diffLines(A, B, ABegin, AEnd, BBegin, BEnd, Out);
  KeepTail();
}

void writeLine(llvm::raw_ostream &OS, char Prefix, llvm::StringRef Line) {
  OS << Prefix << Line;
  if (!compat::endsWith(Line, "\n"))
    OS << "\n\\ No newline at end of file\n";
}

std::string range(size_t Start, size_t Count) {
  // An empty range names the line before it, as diff -u does.
  size_t First = Count == 0 ? Start : Start + 1;
  return Count == 1 ? std::to_string(First)
                    : std::to_string(First) + "," + std::to_string(Count);
}

} // namespace

void writeUnifiedDiff(llvm::raw_ostream &OS, llvm::StringRef Name,
                      llvm::StringRef Old, llvm::StringRef New) {
  if (Old == New)
    return;
  std::vector<llvm::StringRef> A = splitLines(Old), B = splitLines(New);
  std::vector<Edit> Edits;
  diffLines(A, B, 0, A.size(), 0, B.size(), Edits);

  const size_t Context = 3;
  OS << "--- a/" << Name << "\n+++ b/" << Name << "\n";
  size_t I = 0;
  while (I < Edits.size()) {
    while (I < Edits.size() && Edits[I].Kind == Op::Keep)
      ++I;
    if (I == Edits.size())
      break;
    size_t First = I >= Context ? I - Context : 0;
    // Extend over changes closer than twice the context to each other.
    size_t Last = I;
    for (size_t J = I; J < Edits.size(); ++J) {
      if (Edits[J].Kind != Op::Keep)
        Last = J;
      else if (J - Last > 2 * Context)
        break;
    }
    size_t End = std::min(Edits.size(), Last + 1 + Context);
    size_t OldCount = 0, NewCount = 0;
    for (size_t J = First; J < End; ++J) {
      OldCount += Edits[J].Kind != Op::Add;
      NewCount += Edits[J].Kind != Op::Remove;
    }
    OS << "@@ -" << range(Edits[First].OldLine, OldCount) << " +"
       << range(Edits[First].NewLine, NewCount) << " @@\n";
    for (size_t J = First; J < End; ++J) {
      const Edit &E = Edits[J];
      if (E.Kind == Op::Keep)
        writeLine(OS, ' ', A[E.OldLine]);
      else if (E.Kind == Op::Remove)
        writeLine(OS, '-', A[E.OldLine]);
      else
        writeLine(OS, '+', B[E.NewLine]);
    }
    I = End;
  }
}

} // namespace pycapi::cli
