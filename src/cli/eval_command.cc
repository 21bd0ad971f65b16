// `claimx eval`: extract from PATH (same options as `extract`), score against gold records, print
// the report; exit 1 below a --min-f1 floor.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "decode/decode.h"
#include "eval/eval_record.h"
#include "eval/floors.h"
#include "eval/report_format.h"
#include "eval/scorer.h"
#include "pipeline/batch.h"

namespace claimx::cli {

namespace {

// Records of one document as the JSONL writer printed them.
std::vector<eval::EvalRecord> parse_output(const std::string& output, const std::string& doc) {
  std::vector<eval::EvalRecord> out;
  std::istringstream in(output);
  eval::RecordsByDoc by_doc;
  eval::read_eval_records(in, "output of " + doc, by_doc);
  for (auto& [id, records] : by_doc)
    for (auto& r : records) out.push_back(std::move(r));
  return out;
}

// Reads a floors file: one TYPE=X a line; `#` starts a comment.
std::vector<std::string> read_floors_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError{fmt::format("--floors {}: cannot read", path)};
  std::vector<std::string> specs;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    line.erase(0, line.find_first_not_of(" \t\r"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) specs.push_back(line);
  }
  return specs;
}

class EvalCommand : public Command {
 public:
  explicit EvalCommand(CLI::App& app) {
    sub_ = app.add_subcommand("eval", "Extract from PATH and score the records against gold records");
    sub_->footer(
        "Scores per type (person, org, place, date, claim): TP, FP, FN, precision, recall, F1, for relaxed\n"
        "matching (overlapping spans of the same type, paired one-to-one) and strict matching (exact spans);\n"
        "dates also value accuracy, value F1 and timex-type accuracy; names canonical-name accuracy; claims\n"
        "speaker and cue accuracy and the scores of direct quotes alone. Only documents present in the gold\n"
        "are scored. Gold records with \"optional\": true are neither required nor false positives.\n\n"
        "Examples:\n"
        "  claimx eval --gold corpus/gold corpus/\n"
        "  claimx eval --gold corpus/gold corpus/ --types date --errors | less\n"
        "  claimx eval --gold corpus/gold corpus/ --floors corpus/floors.txt    # as CI runs it\n"
        "  claimx eval --gold gold.jsonl --input jsonl --min-f1 person=0.8 --min-f1 all=0.7 --json input.jsonl\n"
        "  claimx eval --gold gold.jsonl --predictions other-tool.jsonl         # score another tool's output");
    add_extract_options(*sub_, args_);
    sub_->add_option("--gold", gold_, "Gold records: a JSONL file, or a folder of *.jsonl files (searched recursively)")
        ->required()
        ->group("Evaluation");
    sub_->add_option("--predictions", predictions_,
                     "Score the records in FILE (JSONL, e.g. another tool's output) instead of extracting; PATHs, "
                     "if given, are only read for the context of --errors")
        ->group("Evaluation");
    sub_->add_option("--min-f1", floors_,
                     "TYPE=X: exit 1 when TYPE's relaxed F1 is below X (TYPE: person, org, place, date, claim, or "
                     "all for the micro-average over the scored types). Repeatable. Example: --min-f1 date=0.8")
        ->group("Evaluation");
    sub_->add_option("--floors", floors_file_, "Read --min-f1 floors from FILE: one TYPE=X a line, # comments")
        ->group("Evaluation");
    sub_->add_flag("--json", json_, "Print the report as one JSON object")->group("Output");
    sub_->add_flag("--errors", errors_,
                   "List each false negative, false positive, span, value and speaker error with its context, "
                   "sorted by document then span, before the table (in the JSON with --json)")
        ->group("Output");
  }

  int run() override {
    if (!sub_->parsed()) return -1;
    std::vector<eval::Floor> floors;
    std::vector<std::string> specs = floors_;
    if (!floors_file_.empty())
      for (auto& s : read_floors_file(floors_file_)) specs.push_back(s);
    try {
      for (const auto& s : specs) floors.push_back(eval::parse_floor(s));
    } catch (const std::invalid_argument& e) {
      throw UsageError{e.what()};
    }
    ExtractOptions extract = extract_options(args_);
    eval::ScoreOptions score;
    score.collect_errors = errors_;
    for (int t = 0; t < eval::kScoredTypes; ++t) score.types[t] = extract.types.has(static_cast<RecordType>(t));

    eval::RecordsByDoc gold;
    try {
      gold = eval::load_gold(gold_);
    } catch (const eval::EvalInputError& e) {
      throw UsageError{e.what()};
    }
    eval::Scorer scorer(gold, score);
    std::size_t failed = predictions_.empty() ? extract_and_score(gold, extract, scorer) : score_file(gold, scorer);
    eval::Report report = scorer.finish();
    if (report.scored_docs == 0 && report.ignored_docs > 0 && !gold.empty())
      std::cerr << fmt::format(
          "claimx eval: warning: no document matches the gold (first read: `{}`, first in the gold: `{}`); `doc` is "
          "the path relative to the PATH given (give the folder, not the files) or the JSONL id\n",
          first_doc_, gold.begin()->first);

    if (json_) {
      std::cout << eval::format_json(report, errors_);
    } else {
      if (errors_) std::cout << eval::format_errors(report);
      std::cout << eval::format_table(report);
    }
    std::cout << std::flush;
    auto failures = eval::floor_failures(report, floors);
    for (const auto& f : failures) std::cerr << "claimx eval: FAILED " << f << "\n";
    if (!floors.empty() && failures.empty())
      std::cerr << fmt::format("claimx eval: all {} floors met (relaxed F1)\n", floors.size());
    return failures.empty() && failed == 0 ? kExitOk : kExitSomeFailed;
  }

 private:
  // Extracts every input; the documents in the gold are scored as they come. Returns the number
  // of inputs that failed.
  std::size_t extract_and_score(const eval::RecordsByDoc& gold, const ExtractOptions& extract, eval::Scorer& scorer) {
    RuleSet rules = load_rules(args_.rules_dir);
    Source source(source_options(args_));
    auto writer = make_jsonl_writer(EmitOptions{});
    std::size_t failed = 0;
    run_batch(source, rules, extract, BatchOptions{args_.threads, 0}, writer.get(), [&](BatchItem& item) {
      if (!item.doc.error.empty()) {
        ++failed;
        std::cerr << fmt::format("claimx: {}: {}\n", item.doc.doc, item.doc.error);
      }
      if (first_doc_.empty()) first_doc_ = item.doc.doc;
      if (!gold.count(item.doc.doc)) {
        scorer.add(item.doc.doc, {}, {});  // counted as not in the gold
        return;
      }
      std::string_view text = item.doc.original ? std::string_view(item.doc.original->utf8()) : std::string_view();
      scorer.add(item.doc.doc, parse_output(item.output, item.doc.doc), text);
    });
    return failed;
  }

  // Scores a file of predicted records; the PATHs (optional) give the article texts for context.
  std::size_t score_file(const eval::RecordsByDoc& gold, eval::Scorer& scorer) {
    eval::RecordsByDoc predicted;
    std::ifstream in(predictions_, std::ios::binary);
    if (!in) throw UsageError{fmt::format("--predictions {}: cannot read", predictions_)};
    try {
      eval::read_eval_records(in, predictions_, predicted);
    } catch (const eval::EvalInputError& e) {
      throw UsageError{e.what()};
    }
    std::map<std::string, std::string> texts;
    if (!args_.paths.empty()) {
      Source source(source_options(args_));
      RawDocument raw;
      while (source.next(raw))
        if (gold.count(raw.id) && raw.error.empty()) texts[raw.id] = raw.is_utf8 ? raw.bytes : decode(raw.bytes).text;
    }
    // A gold document without predictions is left to Scorer::finish (all its records are FN).
    for (const auto& [doc, records] : predicted) {
      if (first_doc_.empty()) first_doc_ = doc;
      auto t = texts.find(doc);
      scorer.add(doc, records, t == texts.end() ? std::string_view() : std::string_view(t->second));
    }
    return 0;
  }

  CLI::App* sub_;
  ExtractArgs args_;
  std::string gold_, predictions_, floors_file_;
  std::string first_doc_;  // for the warning when no document id matches the gold
  std::vector<std::string> floors_;
  bool json_ = false, errors_ = false;
};

}  // namespace

std::unique_ptr<Command> add_eval_command(CLI::App& app) { return std::make_unique<EvalCommand>(app); }

}  // namespace claimx::cli
