// `claimx generate man|bash|zsh`: the man page and shell completions, printed from the CLI11
// definitions of every command (the build runs it; packagers can too). Hidden from --help, since
// it is a tool for the build rather than for reading articles.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "build_info.h"
#include "cli/cli_outline.h"
#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/man_page.h"
#include "cli/shell_completion.h"

namespace claimx::cli {

namespace {

constexpr const char* kProgram = "claimx";
// main.cc inserts this command when the first word names none.
constexpr const char* kDefaultCommand = "extract";

ManPageInfo man_page_info() {
  ManPageInfo info;
  info.program = kProgram;
  info.version = std::string(kProgram) + " " + CLAIMX_VERSION;
  info.default_command = kDefaultCommand;
  info.description =
      "claimx reads raw news articles and writes JSON Lines records of what they say: the people, organizations "
      "and places they name (with canonical names and stable ids), the dates they mention (TIMEX3 values, "
      "relative dates resolved), and the claims they report (who said, wrote, believes or alleges what, with "
      "the cue verb, hedges and the outlet it came through). It is rule-based (RE2 and ICU) and deterministic.\n\n"
      "Folders are walked recursively in sorted order; input files are decoded whatever their encoding (UTF-8, "
      "UTF-16/32, Windows-1252, Latin-1). A one-line summary goes to standard error at the end.";
  info.before_commands.push_back(
      {"OUTPUT",
       "One JSON object a line, UTF-8. Every record has doc (the path relative to the folder given, or the JSONL "
       "id), type, text (as in the original article), span ([start, end) in Unicode code points of the original "
       "article) and sent (the sentence index).\n\n"
       "person, org, place: name (the canonical name in the document) and id (a slug shared by all its "
       "mentions); places also kind.\n\n"
       "date: timex (DATE, TIME, DURATION, SET), value (TIMEX3, or null), anchor (absolute, ref-date, article, "
       "unresolved).\n\n"
       "claim: speaker {text, name, id, span} or null, cue {text, lemma, span}, quote (direct, indirect, mixed), "
       "hedge, source, negated.\n\n"
       "error: message, for an input that could not be read or decoded.\n\n"
       "Records come in input order, then by span; the same input and rules always give the same bytes."});
  info.after_commands.push_back(
      {"EXIT STATUS", fmt::format("{}  every input was processed.\n\n"
                                  "{}  some inputs failed: each has an error record and a line on standard error; "
                                  "the rest were processed.\n\n"
                                  "{}  a usage or rule error: nothing was processed.",
                                  kExitOk, kExitSomeFailed, kExitUsage)});
  info.after_commands.push_back(
      {"FILES", fmt::format("{}\n\nThe installed copy of the default rules and word lists (claimx rules path "
                            "prints where it is). The rules compiled into claimx are the default; copy this "
                            "folder to start custom rules and pass it with --rules DIR.",
                            configured_rules_dir())});
  info.after_commands.push_back(
      {"EXAMPLES", "People by number of mentions:\n"
                   "  claimx corpus/ | jq -r 'select(.type==\"person\") | .name' | sort | uniq -c | sort -rn\n\n"
                   "Claims with their speakers:\n"
                   "  claimx corpus/ | jq -c 'select(.type==\"claim\") | {speaker: .speaker.name, text}'\n\n"
                   "More recipes: \"Everyday use\" in " + configured_doc_dir() + "/README.md."});
  info.after_commands.push_back({"SEE ALSO", "jq(1)"});
  return info;
}

class GenerateCommand : public Command {
 public:
  explicit GenerateCommand(CLI::App& app) : root_(app) {
    sub_ = app.add_subcommand("generate", "Print the man page or a shell completion script");
    sub_->group("");  // hidden
    sub_->add_option("kind", kind_, "man, bash or zsh")->required()->check(CLI::IsMember({"man", "bash", "zsh"}));
    sub_->add_option("-o,--output", output_, "Write to FILE instead of stdout");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    CommandOutline root = outline(root_);
    std::string text = kind_ == "man"    ? man_page(root, man_page_info())
                       : kind_ == "bash" ? bash_completion(root, kProgram, kDefaultCommand)
                                         : zsh_completion(root, kProgram, kDefaultCommand);
    if (output_.empty()) {
      std::cout << text;
      return std::cout.flush() ? kExitOk : kExitSomeFailed;
    }
    std::ofstream out(output_, std::ios::binary);
    if (!(out << text).flush()) throw UsageError{fmt::format("{}: cannot write", output_)};
    return kExitOk;
  }

 private:
  const CLI::App& root_;
  CLI::App* sub_;
  std::string kind_, output_;
};

}  // namespace

std::unique_ptr<Command> add_generate_command(CLI::App& app) { return std::make_unique<GenerateCommand>(app); }

}  // namespace claimx::cli
