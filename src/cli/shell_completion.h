#pragma once
// Shell completion scripts for bash and zsh, printed from the same CLI11 definitions as `--help`:
// subcommands, options, and the values an option accepts (its choices, else file names).
// In: the command outline. Out: a script for bash-completion's completions/ folder or zsh's fpath.
#include <string>

#include "cli/cli_outline.h"

namespace claimx::cli {

// default_command is the subcommand assumed when the first word names none ("extract"): its
// options and paths are offered at the top level too.
std::string bash_completion(const CommandOutline& root, const std::string& program, const std::string& default_command);
std::string zsh_completion(const CommandOutline& root, const std::string& program, const std::string& default_command);

}  // namespace claimx::cli
