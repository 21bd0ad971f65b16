#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "corroborate/corroborate.h"
#include "corroborate/report_writer.h"
#include "decode/decode.h"
#include "pipeline/batch.h"
#include "render/report_builder.h"

namespace claimx::cli {

namespace {

using render::RenderDocument;
using render::RenderRecord;

// Calls `each(line_number, line)` for every non-empty line of `path`.
template <typename F>
void read_lines(const std::string& path, const char* what, F each) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{fmt::format("{} {}: cannot read: {}", what, path, std::strerror(errno))};
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) each(n, line);
  }
}

class RenderCommand : public Command {
 public:
  explicit RenderCommand(CLI::App& app) {
    sub_ = app.add_subcommand("render", "Write one self-contained HTML page showing the articles with their records highlighted");
    sub_->footer(
        "Examples:\n"
        "  claimx render corpus/ -o report.html\n"
        "  claimx render --corroborate --explain seeds/ -o seeds.html\n"
        "  claimx corpus/ > records.jsonl && claimx render --from records.jsonl corpus/ -o report.html\n"
        "  claimx render --from records.jsonl --corroborate-from cross.jsonl corpus/ -o report.html");
    add_extract_options(*sub_, args_);
    sub_->add_option("--from", from_, "Render these saved `claimx` records (JSONL) instead of extracting; PATH gives the "
                                      "articles, matched to the records by doc")
        ->group("Render");
    sub_->add_flag("--corroborate", corroborate_, "Add the cross-article panel (entities, claim groups, conflicts), "
                                                  "computed as `claimx corroborate` does")
        ->group("Render");
    sub_->add_option("--corroborate-from", corroborate_from_, "Add the cross-article panel from saved "
                                                              "`claimx corroborate` output (JSONL)")
        ->group("Render");
    sub_->add_flag("--explain", explain_, "Show each record's rule id in its tooltip")->group("Render");
    sub_->add_option("--title", title_, "Page title (default: the PATHs)")->group("Render");
    sub_->add_option("-o,--output", output_, "Write the page to FILE instead of stdout")->group("Output");
    sub_->add_flag("-q,--quiet", quiet_, "No summary and no warnings on stderr")->group("Output");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    if (corroborate_ && !corroborate_from_.empty())
      throw UsageError{"--corroborate and --corroborate-from: give one of them"};
    if (corroborate_ && !from_.empty())
      throw UsageError{"--corroborate extracts the articles; with --from, give saved `claimx corroborate` output "
                       "with --corroborate-from FILE"};
    std::vector<RenderDocument> docs;
    std::vector<std::string> warnings;
    std::size_t errors = 0;
    render::CrossPanel panel;
    if (!corroborate_from_.empty())
      read_lines(corroborate_from_, "--corroborate-from", [&](std::size_t n, const std::string& line) {
        if (auto err = render::parse_corroboration_line(line, panel); !err.empty())
          throw UsageError{fmt::format("{}:{}: {}", corroborate_from_, n, err)};
      });
    if (from_.empty()) extract(docs, panel, warnings);
    else load_saved(docs, warnings);
    for (const auto& d : docs) errors += !d.error.empty();

    render::RenderOptions options;
    options.explain = explain_;
    options.title = !title_.empty() ? title_ : default_title(docs.size());
    const bool with_panel = corroborate_ || !corroborate_from_.empty();
    std::string page = render::render_report(docs, with_panel ? &panel : nullptr, options, warnings);

    std::FILE* out = stdout;
    if (!output_.empty() && output_ != "-") {
      out = std::fopen(output_.c_str(), "wb");
      if (out == nullptr) throw UsageError{fmt::format("{}: cannot write: {}", output_, std::strerror(errno))};
    }
    bool ok = std::fwrite(page.data(), 1, page.size(), out) == page.size() && std::fflush(out) == 0;
    if (out != stdout) ok = std::fclose(out) == 0 && ok;
    if (!ok) {
      std::cerr << "claimx: writing the report failed\n";
      return kExitUsage;
    }
    if (!quiet_) {
      for (const auto& w : warnings) std::cerr << "claimx: warning: " << w << "\n";
      std::size_t records = 0;
      for (const auto& d : docs) records += d.records.size();
      std::cerr << fmt::format("claimx: render: {} articles ({} not read), {} records{}, {:.1f} kB of HTML{}\n",
                               docs.size(), errors, records, with_panel ? " and the cross-article panel" : "",
                               page.size() / 1e3, output_.empty() || output_ == "-" ? "" : " -> " + output_);
    }
    return errors > 0 ? kExitSomeFailed : kExitOk;
  }

 private:
  // Extracts PATH... and keeps each article's original text beside the records the JSONL writer
  // prints for it, so the page shows exactly what `claimx` would print.
  void extract(std::vector<RenderDocument>& docs, render::CrossPanel& panel, std::vector<std::string>& warnings) {
    RuleSet rules = load_rules(args_.rules_dir);
    Source source(source_options(args_));
    ExtractOptions extract = extract_options(args_);
    if (corroborate_) extract.types.bits |= 1u << static_cast<int>(RecordType::fact);  // conflicts are about figures
    auto writer = make_jsonl_writer(EmitOptions{explain_});
    std::vector<DocumentFacts> facts;
    run_batch(source, rules, extract, BatchOptions{args_.threads, 0}, writer.get(), [&](BatchItem& item) {
      RenderDocument d;
      d.doc = item.doc.doc;
      d.error = item.doc.error;
      if (item.doc.original) d.text = item.doc.original->utf8();
      std::size_t at = 0;
      while (at < item.output.size()) {
        std::size_t nl = item.output.find('\n', at);
        if (nl == std::string::npos) nl = item.output.size();
        RenderRecord r;
        if (auto err = render::parse_record_line(std::string_view(item.output).substr(at, nl - at), r); err.empty()) {
          if (r.type != "error") d.records.push_back(std::move(r));
        } else {
          warnings.push_back(fmt::format("{}: unreadable record: {}", d.doc, err));
        }
        at = nl + 1;
      }
      if (!d.error.empty() && !quiet_) std::cerr << fmt::format("claimx: {}: {}\n", d.doc, d.error);
      for (const auto& w : item.doc.warnings) warnings.push_back(fmt::format("{}: {}", d.doc, w));
      if (corroborate_ && d.error.empty()) facts.push_back(collect_document(item.doc));
      docs.push_back(std::move(d));
    });
    if (corroborate_) {
      // Through the JSONL form, so the panel shows what `claimx corroborate` prints.
      std::string lines = corroboration_jsonl(claimx::corroborate(facts, CorroborateOptions{}));
      std::size_t at = 0;
      while (at < lines.size()) {
        std::size_t nl = lines.find('\n', at);
        if (nl == std::string::npos) nl = lines.size();
        if (nl > at) render::parse_corroboration_line(std::string_view(lines).substr(at, nl - at), panel);
        at = nl + 1;
      }
    }
  }

  // --from: saved records, and the articles they came from (read and decoded as extraction does,
  // so spans count the same code points).
  void load_saved(std::vector<RenderDocument>& docs, std::vector<std::string>& warnings) {
    std::map<std::string, std::vector<RenderRecord>> by_doc;
    std::map<std::string, std::string> failed;
    read_lines(from_, "--from", [&](std::size_t n, const std::string& line) {
      RenderRecord r;
      if (auto err = render::parse_record_line(line, r); !err.empty())
        throw UsageError{fmt::format("{}:{}: {} (expected `claimx` JSONL records, not --per-doc output)", from_, n, err)};
      if (r.type == "error") failed[r.doc] = r.message;
      else by_doc[r.doc].push_back(std::move(r));
    });
    Source source(source_options(args_));
    RawDocument raw;
    while (source.next(raw)) {
      RenderDocument d;
      d.doc = raw.id;
      if (!raw.error.empty()) {
        d.error = raw.error;
      } else if (raw.is_utf8) {
        d.text = std::move(raw.bytes);
      } else {
        Decoded decoded = decode(raw.bytes);
        d.error = decoded.error;
        d.text = std::move(decoded.text);
      }
      if (auto it = failed.find(d.doc); it != failed.end() && d.error.empty()) d.error = it->second;
      if (auto it = by_doc.find(d.doc); it != by_doc.end()) {
        d.records = std::move(it->second);
        by_doc.erase(it);
      }
      if (!d.error.empty() && !quiet_) std::cerr << fmt::format("claimx: {}: {}\n", d.doc, d.error);
      docs.push_back(std::move(d));
    }
    for (const auto& [doc, records] : by_doc)
      warnings.push_back(fmt::format("{}: {} records in {} but no such article among the PATHs (doc is the path "
                                     "relative to the PATH given, as claimx printed it)",
                                     doc, records.size(), from_));
  }

  std::string default_title(std::size_t n) const {
    std::string paths;
    for (const auto& p : args_.paths) paths += (paths.empty() ? "" : ", ") + p;
    if (paths.empty()) paths = "stdin";
    return fmt::format("{} ({} article{})", paths, n, n == 1 ? "" : "s");
  }

  CLI::App* sub_;
  ExtractArgs args_;
  std::string from_, corroborate_from_, title_, output_;
  bool corroborate_ = false, explain_ = false, quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> add_render_command(CLI::App& app) { return std::make_unique<RenderCommand>(app); }

}  // namespace claimx::cli
