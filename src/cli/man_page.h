#pragma once
// The man page (roff, man(7) macros), printed from the same CLI11 definitions as `--help`.
// In: the command outline plus the few sections that are prose, not options. Out: claimx.1.
#include <string>
#include <vector>

#include "cli/cli_outline.h"

namespace claimx::cli {

struct ManSection {
  std::string title;  // "EXIT STATUS"
  std::string text;   // plain text: blank lines separate paragraphs, indented lines are shown as typed
};

struct ManPageInfo {
  std::string program;          // "claimx"
  std::string version;          // "claimx 0.1.0"
  std::string default_command;  // the subcommand assumed when none is named: "extract"
  std::string description;      // DESCRIPTION's first paragraphs (the one-line summary when empty)
  std::vector<ManSection> before_commands, after_commands;
};

std::string man_page(const CommandOutline& root, const ManPageInfo& info);

// Text made safe for a roff text line: backslashes, hyphens (so options copy as ASCII '-'), and a
// leading '.' or '\'' that roff would take for a request.
std::string roff_escape(const std::string& text);

}  // namespace claimx::cli
