//===--- DiffWriter.cpp - unified diffs of the fixes -----------------------===//
//
// Myers' O(ND) line diff over what lies between the common head and tail of
// the two texts. Fixes change few lines, so D stays small.
//
//===----------------------------------------------------------------------===//
#include "DiffWriter.h"
#include "LLVMCompat.h"
#include <algorithm>
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

/// The edit script from A[Begin, EndA) to B[Begin, EndB).
void myers(const std::vector<llvm::StringRef> &A,
           const std::vector<llvm::StringRef> &B, size_t Begin, size_t EndA,
           size_t EndB, std::vector<Edit> &Out) {
  long N = EndA - Begin, M = EndB - Begin, Max = N + M;
  std::vector<long> V(2 * Max + 2, 0);
  std::vector<std::vector<long>> Trace;
  long D = 0;
  for (; D <= Max; ++D) {
    Trace.push_back(V);
    bool Done = false;
    for (long K = -D; K <= D && !Done; K += 2) {
      long X = (K == -D || (K != D && V[Max + K - 1] < V[Max + K + 1]))
                   ? V[Max + K + 1]
                   : V[Max + K - 1] + 1;
      long Y = X - K;
      while (X < N && Y < M && A[Begin + X] == B[Begin + Y])
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
    const std::vector<long> &Prev = Trace[Step];
    long K = X - Y;
    long PrevK = (K == -Step || (K != Step && Prev[Max + K - 1] <
                                                  Prev[Max + K + 1]))
                     ? K + 1
                     : K - 1;
    long PrevX = Prev[Max + PrevK], PrevY = PrevX - PrevK;
    while (X > PrevX && Y > PrevY) {
      --X, --Y;
      Reversed.push_back({Op::Keep, Begin + X, Begin + Y});
    }
    if (X == PrevX)
      Reversed.push_back({Op::Add, Begin + X, Begin + PrevY});
    else
      Reversed.push_back({Op::Remove, Begin + PrevX, Begin + Y});
    X = PrevX, Y = PrevY;
  }
  while (X > 0 && Y > 0) {
    --X, --Y;
    Reversed.push_back({Op::Keep, Begin + X, Begin + Y});
  }
  Out.insert(Out.end(), Reversed.rbegin(), Reversed.rend());
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
  size_t Head = 0;
  while (Head < A.size() && Head < B.size() && A[Head] == B[Head])
    ++Head;
  size_t Tail = 0;
  while (Tail < A.size() - Head && Tail < B.size() - Head &&
         A[A.size() - 1 - Tail] == B[B.size() - 1 - Tail])
    ++Tail;

  std::vector<Edit> Edits;
  for (size_t I = 0; I < Head; ++I)
    Edits.push_back({Op::Keep, I, I});
  myers(A, B, Head, A.size() - Tail, B.size() - Tail, Edits);
  for (size_t I = Tail; I > 0; --I)
    Edits.push_back({Op::Keep, A.size() - I, B.size() - I});

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
