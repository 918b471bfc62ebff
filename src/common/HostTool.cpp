//===--- HostTool.cpp - what the program running the checks does with fixes ===//
#include "HostTool.h"

namespace pycapi {

static HostTool &current() {
  static HostTool Tool;
  return Tool;
}

const HostTool &hostTool() { return current(); }

void setHostTool(HostTool Tool) { current() = std::move(Tool); }

} // namespace pycapi
