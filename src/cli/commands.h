#pragma once
// The subcommands. Each one registers its options on a CLI11 app (defined once, so --help and the
// man page come from the same place) and runs from the parsed values.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "match/rule_set.h"
#include "pipeline/extractor.h"
#include "source/source.h"

namespace claimx::cli {

// Exit statuses (SPEC section 1).
constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2;

// Options shared by every command that extracts: extract, eval, corroborate.
struct ExtractArgs {
  std::vector<std::string> paths;
  std::string input = "text";
  std::vector<std::string> globs;
  std::string ref_date;
  std::string types;
  std::string rules_dir;
  int threads = 0;
  std::uint64_t max_doc_bytes = 64ull << 20;
  std::string shard;
};
void add_extract_options(CLI::App& app, ExtractArgs& args);

// Loads the rules (--rules DIR or the embedded copy); prints file:line and throws on error.
RuleSet load_rules(const std::string& rules_dir);
SourceOptions source_options(const ExtractArgs& args);
ExtractOptions extract_options(const ExtractArgs& args);

struct Command {
  virtual ~Command() = default;
  virtual int run() = 0;
};

std::unique_ptr<Command> add_extract_command(CLI::App& app);
std::unique_ptr<Command> add_rules_command(CLI::App& app);
// Hidden: `claimx generate man|bash|zsh` prints the man page or a completion script from the
// definitions of all the commands registered before it runs.
std::unique_ptr<Command> add_generate_command(CLI::App& app);
std::unique_ptr<Command> add_eval_command(CLI::App& app);
std::unique_ptr<Command> add_corroborate_command(CLI::App& app);
std::unique_ptr<Command> add_render_command(CLI::App& app);

// Thrown for bad option values found after parsing (exit 2).
struct UsageError {
  std::string message;
};

}  // namespace claimx::cli
