#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "pipeline/rule_examples.h"

namespace claimx::cli {

namespace {

class RulesCommand : public Command {
 public:
  explicit RulesCommand(CLI::App& app) {
    sub_ = app.add_subcommand("rules", "Check, list or locate the rules");
    sub_->require_subcommand(1);
    // Before the subcommands: CLI11 copies a parent's footer into each new subcommand.
    sub_->footer("Examples:\n  claimx rules test --rules my-rules/\n  claimx rules list --type date\n"
                 "  cp -r \"$(claimx rules path)\" my-rules/");
    test_ = sub_->add_subcommand("test", "Run every rule's example and counter lines (exit 1 on a failure)");
    list_ = sub_->add_subcommand("list", "Print each rule: id, type, priority, file:line");
    path_ = sub_->add_subcommand("path", "Print where the installed copy of the default rules is");
    for (auto* s : {test_, list_}) s->add_option("--rules", rules_dir_, "Use the rules in DIR instead of the embedded ones");
    list_->add_option("--type", type_, "Only rules of this type (person, org, place, date, claim, boilerplate)");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    if (path_->parsed()) {
      auto dir = installed_rules_dir();
      if (!dir) {
        std::cerr << fmt::format("claimx: no installed rules at {} (the embedded copy is in use; the repository's "
                                 "rules/ folder is its source)\n", configured_rules_dir());
        return kExitSomeFailed;
      }
      std::cout << *dir << "\n";
      return kExitOk;
    }
    RuleSet rules = load_rules(rules_dir_);
    if (list_->parsed()) {
      RecordType only{};
      if (!type_.empty() && !parse_type(type_, only)) throw UsageError{fmt::format("--type: unknown type `{}`", type_)};
      for (const auto& r : rules.rules())
        if (type_.empty() || r.type == only)
          std::cout << fmt::format("{}\t{}\t{}\t{}:{}\n", r.id, type_name(r.type), r.priority, r.file, r.line);
      return kExitOk;
    }
    ExampleReport report = check_rule_examples(rules);
    for (const auto& f : report.failures)
      std::cout << fmt::format("{}:{}: {}: {}\n", f.file, f.line, f.rule, f.message);
    std::cout << fmt::format("rules: {} passed, {} failed\n", report.passed, report.failures.size());
    return report.failures.empty() ? kExitOk : kExitSomeFailed;
  }

 private:
  CLI::App *sub_, *test_, *list_, *path_;
  std::string rules_dir_, type_;
};

}  // namespace

std::unique_ptr<Command> add_rules_command(CLI::App& app) { return std::make_unique<RulesCommand>(app); }

}  // namespace claimx::cli
