//===--- Interrupts.cpp - SIGINT and SIGTERM while files are written
//-------===//
#include "Interrupts.h"
#include <csignal>

namespace pycapi::cli {

namespace {

const int Deferred[] = {SIGINT, SIGTERM, SIGHUP};
volatile std::sig_atomic_t Received = 0;
struct sigaction Previous[sizeof(Deferred) / sizeof(Deferred[0])];

extern "C" void recordSignal(int Signal) {
  // The first signal decides the exit code.
  if (!Received)
    Received = Signal;
}

} // namespace

DeferSignals::DeferSignals() {
  Received = 0;
  struct sigaction Action = {};
  Action.sa_handler = recordSignal;
  sigemptyset(&Action.sa_mask);
  // System calls go on after the handler: every wait polls received().
  Action.sa_flags = SA_RESTART;
  for (unsigned I = 0; I < sizeof(Deferred) / sizeof(Deferred[0]); ++I)
    sigaction(Deferred[I], &Action, &Previous[I]);
}

DeferSignals::~DeferSignals() {
  for (unsigned I = 0; I < sizeof(Deferred) / sizeof(Deferred[0]); ++I)
    sigaction(Deferred[I], &Previous[I], nullptr);
}

int DeferSignals::received() { return Received; }

const char *signalName(int Signal) {
  switch (Signal) {
  case SIGINT:
    return "SIGINT";
  case SIGTERM:
    return "SIGTERM";
  case SIGHUP:
    return "SIGHUP";
  default:
    return "a signal";
  }
}

} // namespace pycapi::cli
