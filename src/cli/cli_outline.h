#pragma once
// A plain copy of what the CLI11 definitions say: commands, their options, value choices and help
// texts. The man page and the shell completions are printed from it, so they can only describe the
// options `--help` describes. In: the fully built CLI::App. Out: a tree of CommandOutline.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace claimx::cli {

struct OptionOutline {
  std::vector<std::string> names;    // as typed: "-o", "--output"
  std::string value;                 // value label ("TEXT", "UINT"); empty for a flag
  std::vector<std::string> choices;  // allowed values when CLI11 checks membership ({text,jsonl})
  std::string description, group;
  bool repeatable = false, required = false;
};

struct PositionalOutline {
  std::string name, value, description;
  bool repeatable = false, required = false;
};

struct CommandOutline {
  std::vector<std::string> path;  // {"rules", "test"}; empty for the program itself
  std::string description, footer;
  std::vector<OptionOutline> options;  // help first, in definition order; hidden ones left out
  std::vector<PositionalOutline> positionals;
  std::vector<CommandOutline> subcommands;  // hidden ones (group "") left out
  bool requires_subcommand = false;
};

CommandOutline outline(const CLI::App& app);

// "rules test" for {"rules", "test"}.
std::string joined(const std::vector<std::string>& path);

}  // namespace claimx::cli
