#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "corroborate/report_writer.h"
#include "pipeline/batch.h"

namespace claimx::cli {

namespace {

class CorroborateCommand : public Command {
 public:
  explicit CorroborateCommand(CLI::App& app) {
    sub_ = app.add_subcommand("corroborate", "Cross-article view: entities, repeated claims, conflicting figures");
    sub_->footer(
        "Examples:\n"
        "  claimx corroborate seeds/ --format table\n"
        "  claimx corroborate corpus/ | jq -c 'select(.type==\"conflict\")'\n"
        "  claimx corroborate corpus/ | jq -c 'select(.type==\"claim_group\" and .doc_count > 1)'");
    add_extract_options(*sub_, args_);
    sub_->add_option("--format", format_, "jsonl (default: entity, claim_group, fact, conflict records) or table")
        ->check(CLI::IsMember({"jsonl", "table"}))
        ->group("Output");
    sub_->add_option("--similarity", options_.similarity,
                     "Word 3-shingle Jaccard similarity at which two claims by one speaker are grouped (default 0.5)")
        ->check(CLI::Range(0.0, 1.0))
        ->group("Output");
    sub_->add_option("--limit", limit_, "Rows per section in --format table (default 20, 0 for all)")->group("Output");
    sub_->add_option("-o,--output", output_, "Write to FILE instead of stdout")->group("Output");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    RuleSet rules = load_rules(args_.rules_dir);
    Source source(source_options(args_));
    ExtractOptions extract = extract_options(args_);
    extract.types.bits |= 1u << static_cast<int>(RecordType::fact);
    std::vector<DocumentFacts> docs;
    std::size_t errors = 0;
    run_batch(source, rules, extract, BatchOptions{args_.threads, 0}, nullptr, [&](BatchItem& item) {
      if (!item.doc.error.empty()) {
        ++errors;
        std::cerr << fmt::format("claimx: {}: {}\n", item.doc.doc, item.doc.error);
        return;
      }
      docs.push_back(collect_document(item.doc));
    });
    CorroborationReport report = corroborate(docs, options_);
    std::string text = format_ == "table" ? corroboration_table(report, limit_) : corroboration_jsonl(report);
    std::FILE* out = stdout;
    if (!output_.empty() && output_ != "-") {
      out = std::fopen(output_.c_str(), "wb");
      if (out == nullptr) throw UsageError{fmt::format("{}: cannot write: {}", output_, std::strerror(errno))};
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fflush(out) == 0;
    if (out != stdout) ok = std::fclose(out) == 0 && ok;
    if (!ok) {
      std::cerr << "claimx: writing output failed\n";
      return kExitUsage;
    }
    return errors > 0 ? kExitSomeFailed : kExitOk;
  }

 private:
  CLI::App* sub_;
  ExtractArgs args_;
  CorroborateOptions options_;
  std::string format_ = "jsonl", output_;
  std::size_t limit_ = 20;
};

}  // namespace

std::unique_ptr<Command> add_corroborate_command(CLI::App& app) { return std::make_unique<CorroborateCommand>(app); }

}  // namespace claimx::cli
