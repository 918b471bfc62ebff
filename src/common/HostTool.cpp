//===--- HostTool.cpp - the front end's rules for shared edits ------------===//
#include "HostTool.h"

namespace pycapi {

static HostTool &current() {
  static HostTool Tool;
  return Tool;
}

const HostTool &hostTool() { return current(); }

void setHostTool(HostTool Tool) { current() = std::move(Tool); }

} // namespace pycapi
