#pragma once
// eval scoring: gold records + predicted records -> a Report.
// In:  the gold (all documents), then the predicted records one document at a time (as extraction
//      hands them over), with the article text when known (for the context of errors).
// Out: per type, counts and precision/recall/F1 for strict and relaxed matching (span_matching.h),
//      plus attribute accuracies on the relaxed pairs: canonical name (person, org, place), date
//      value, value F1 and timex type (date), speaker and cue (claim), and claim P/R/F1 restricted
//      to direct quotes. Only documents present in the gold are scored; a gold document that never
//      gets predictions counts all its records as false negatives.
#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eval/eval_record.h"
#include "eval/span_matching.h"

namespace claimx::eval {

// True/false positives and false negatives; the ratios are nullopt when their denominator is 0.
struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;
  Counts& operator+=(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

// Correct out of total (an accuracy over matched pairs); nullopt when total is 0.
struct Ratio {
  std::size_t correct = 0, total = 0;
  std::optional<double> value() const;
  void add(bool ok) {
    ++total;
    correct += ok ? 1 : 0;
  }
};

struct TypeScore {
  std::size_t gold = 0;      // required gold records
  std::size_t optional = 0;  // optional gold records
  Counts strict, relaxed;
  Ratio name;                     // person, org, place: canonical name equal
  Ratio value, timex;             // date: value equal (null == null), timex type equal
  Counts value_f1;                // date: a relaxed pair with an equal value is a TP (TempEval-3)
  Ratio speaker, cue;             // claim
  std::size_t direct_gold = 0;    // claim: required gold direct quotes
  Counts direct_strict, direct_relaxed;
  Ratio direct_speaker;          // speaker accuracy on the relaxed pairs of direct quotes
};

enum class ErrorKind {
  missed,     // FN: a required gold record no prediction overlaps
  spurious,   // FP: a prediction that overlaps no gold record
  boundary,   // a relaxed pair whose spans differ (a strict FP and FN)
  value,      // a date pair whose values differ
  speaker,    // a claim pair whose speaker is wrong
};
const char* error_kind_name(ErrorKind k);

struct EvalError {
  ErrorKind kind;
  std::string doc;
  RecordType type;
  std::optional<EvalRecord> gold, predicted;
  std::string context;  // ~60 characters around the record, the record itself between « », or empty
};

struct Report {
  std::array<bool, kScoredTypes> scored{};  // which types were scored (--types)
  std::array<TypeScore, kScoredTypes> types;
  Counts all_strict, all_relaxed;  // micro-averages over the scored types
  std::size_t gold_docs = 0;       // documents in the gold
  std::size_t scored_docs = 0;     // gold documents that had extracted output
  std::size_t ignored_docs = 0;    // extracted documents not in the gold (not scored)
  std::size_t duplicate_docs = 0;  // a document id seen twice: only the first is scored
  std::size_t gold_text_mismatches = 0;  // gold records whose `text` is not the article at `span`
  std::string first_gold_text_mismatch;  // "doc [start,end): expected `x`, article has `y`"
  std::vector<EvalError> errors;   // with collect_errors; sorted by doc, then span
};

struct ScoreOptions {
  std::array<bool, kScoredTypes> types{true, true, true, true, true};
  bool collect_errors = false;
};

class Scorer {
 public:
  Scorer(const RecordsByDoc& gold, ScoreOptions options);
  // One document's predictions; `text` is its article (may be empty: no context, no gold check).
  void add(const std::string& doc, const std::vector<EvalRecord>& predicted, std::string_view text);
  // Counts the gold documents that never got predictions, sorts the errors, returns the report.
  Report finish();

 private:
  void score_type(const std::string& doc, int type, const std::vector<EvalRecord>& gold,
                  const std::vector<EvalRecord>& predicted, std::string_view text);

  const RecordsByDoc& gold_;
  ScoreOptions options_;
  Report report_;
  std::set<std::string> seen_;
};

// The same name for a speaker: `name` (or `text` when there is none), compared case-insensitively.
bool same_speaker(const std::optional<EvalMention>& gold, const std::optional<EvalMention>& predicted);
bool same_cue(const std::optional<EvalMention>& gold, const std::optional<EvalMention>& predicted);

// ~`width` code points either side of `span` in `text`, line breaks as spaces, the span in « ».
std::string context_of(std::string_view text, CpSpan span, std::size_t width = 30);

}  // namespace claimx::eval
