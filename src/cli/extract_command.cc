#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "pipeline/batch.h"

namespace claimx::cli {

namespace {

class ExtractCommand : public Command {
 public:
  explicit ExtractCommand(CLI::App& app) {
    sub_ = app.add_subcommand("extract", "Extract records from articles (the default command)");
    sub_->footer(
        "Examples:\n"
        "  claimx corpus/ | jq -c 'select(.type==\"claim\")'\n"
        "  cat article.txt | claimx --ref-date 2019-06-01 --types date\n"
        "  claimx --input jsonl articles.jsonl --per-doc -o out.jsonl");
    add_extract_options(*sub_, args_);
    sub_->add_flag("--explain", explain_, "Add the rule id and its named groups to each record")->group("Output");
    sub_->add_flag("--per-doc", per_doc_, "One JSON object per article instead of one record per line")->group("Output");
    sub_->add_option("-o,--output", output_, "Write to FILE instead of stdout")->group("Output");
    sub_->add_flag("-q,--quiet", quiet_, "No progress bar and no summary on stderr")->group("Output");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    RuleSet rules = load_rules(args_.rules_dir);
    Source source(source_options(args_));
    ExtractOptions extract = extract_options(args_);
    EmitOptions emit{explain_};
    auto writer = per_doc_ ? make_per_doc_writer(emit) : make_jsonl_writer(emit);

    std::FILE* out = stdout;
    if (!output_.empty() && output_ != "-") {
      out = std::fopen(output_.c_str(), "wb");
      if (out == nullptr) throw UsageError{fmt::format("{}: cannot write: {}", output_, std::strerror(errno))};
    }
    const bool progress = !quiet_ && isatty(STDERR_FILENO);
    const bool stdin_may_wait = source.stdin_may_wait();
    const auto start = std::chrono::steady_clock::now();
    auto last_progress = start;
    std::size_t docs = 0, docs_with_records = 0, bytes = 0;
    EmitCounts total;
    bool write_failed = false;
    run_batch(source, rules, extract, BatchOptions{args_.threads, 0}, writer.get(), [&](BatchItem& item) {
      if (std::fwrite(item.output.data(), 1, item.output.size(), out) != item.output.size()) write_failed = true;
      // Stream: when a piped stdin has nothing more yet, emit now rather than when the stdio
      // buffer fills or the input ends (a mapper fed line by line answers line by line).
      if (stdin_may_wait && item.caught_up && std::fflush(out) != 0) write_failed = true;
      ++docs;
      bytes += item.doc.bytes;
      if (!item.doc.records.empty()) ++docs_with_records;
      for (int t = 0; t < kRecordTypes; ++t) total.by_type[t] += item.counts.by_type[t];
      total.errors += item.counts.errors;
      if (!item.doc.error.empty()) std::cerr << fmt::format("claimx: {}: {}\n", item.doc.doc, item.doc.error);
      for (const auto& w : item.doc.warnings) std::cerr << fmt::format("claimx: {}: warning: {}\n", item.doc.doc, w);
      auto now = std::chrono::steady_clock::now();
      if (progress && now - last_progress > std::chrono::milliseconds(250) && now - start > std::chrono::seconds(1)) {
        last_progress = now;
        std::cerr << fmt::format("\rclaimx: {} documents, {:.1f} MB ...", docs, bytes / 1e6) << std::flush;
      }
    });
    if (std::fflush(out) != 0 || write_failed) {
      std::cerr << fmt::format("claimx: writing output failed: {}\n", std::strerror(errno));
      return kExitUsage;
    }
    if (out != stdout) std::fclose(out);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) std::cerr << "\r\033[K";
    if (!quiet_) {
      std::string by_type;
      for (int t = 0; t < kRecordTypes; ++t)
        if (static_cast<RecordType>(t) != RecordType::boilerplate)
          by_type += fmt::format("{}{} {}", by_type.empty() ? "" : ", ", total.by_type[t], type_name(static_cast<RecordType>(t)));
      std::cerr << fmt::format(
          "claimx: {} documents ({} with records, {} without, {} errors), {:.2f} MB, records: {}; {:.1f} MB/s\n", docs,
          docs_with_records, docs - docs_with_records - total.errors, total.errors, bytes / 1e6, by_type,
          seconds > 0 ? bytes / 1e6 / seconds : 0.0);
    }
    return total.errors > 0 ? kExitSomeFailed : kExitOk;
  }

 private:
  CLI::App* sub_;
  ExtractArgs args_;
  bool explain_ = false, per_doc_ = false, quiet_ = false;
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> add_extract_command(CLI::App& app) { return std::make_unique<ExtractCommand>(app); }

}  // namespace claimx::cli
