// claimx: people, organizations, places, dates and claims from news articles, as JSON Lines.
#include <unicode/uversion.h>

#include <algorithm>
#include <cstring>
#include <iostream>

#include "build_info.h"
#include "cli/commands.h"

using namespace claimx;

int main(int argc, char** argv) {
  CLI::App app{"claimx: people, organizations, places, dates and claims from news articles, as JSON Lines"};
  app.set_version_flag("--version", std::string("claimx ") + CLAIMX_VERSION + " (git " + CLAIMX_GIT_REV + ", RE2 " +
                                        CLAIMX_RE2_VERSION + ", ICU " + U_ICU_VERSION + ")");
  app.require_subcommand(1);
  app.footer("With no subcommand, `extract` is assumed: claimx corpus/ | jq -c .\n"
             "Run `claimx COMMAND --help` for a command's options.");
  std::vector<std::unique_ptr<cli::Command>> commands;
  commands.push_back(cli::add_extract_command(app));
  commands.push_back(cli::add_eval_command(app));
  commands.push_back(cli::add_rules_command(app));
  commands.push_back(cli::add_generate_command(app));
  commands.push_back(cli::add_corroborate_command(app));
  commands.push_back(cli::add_render_command(app));

  // `extract` is the default subcommand: `claimx corpus/` means `claimx extract corpus/`.
  std::vector<std::string> args(argv + 1, argv + argc);
  auto is_command = [&](const std::string& a) {
    for (const auto* sub : app.get_subcommands({}))
      if (sub->check_name(a)) return true;
    return a == "--help" || a == "-h" || a == "--version";
  };
  bool named = !args.empty() && is_command(args[0]);
  if (!named) args.insert(args.begin(), "extract");
  std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  try {
    for (auto& c : commands)
      if (int status = c->run(); status >= 0) return status;
  } catch (const cli::UsageError& e) {
    std::cerr << "claimx: " << e.message << "\n";
    return cli::kExitUsage;
  } catch (const RuleError& e) {
    std::cerr << "claimx: " << e.what() << "\n";
    return cli::kExitUsage;
  }
  return cli::kExitUsage;
}
