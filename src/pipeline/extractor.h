#pragma once
// The whole extraction of one document, or of a chunk of them, stage after stage:
//   decode -> normalize -> segment -> match -> resolve.
// An Extractor holds the per-thread ICU objects (normalizer, break iterator); make one per worker
// thread and reuse it. The RuleSet is shared read-only.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "match/matcher.h"
#include "normalize/normalize.h"
#include "resolve/date_resolver.h"
#include "resolve/record.h"
#include "segment/segment.h"
#include "source/source.h"

namespace claimx {

struct ExtractOptions {
  std::optional<Date> ref_date;  // --ref-date; a JSONL article's own `date` wins over it
  TypeMask types;
};

struct ExtractedDocument {
  std::string doc;
  std::size_t ordinal = 0;
  std::size_t bytes = 0;  // input size, for the summary
  std::string meta_json;
  std::string error;      // set: the document produced no records, only an error record
  std::vector<std::string> warnings;
  std::optional<OriginalText> original;
  MatchText match;
  std::vector<Sentence> sentences;
  std::vector<Record> records;  // sorted by span
  std::vector<Candidate> blockers;  // blocker and boilerplate rules that won a span (for `rules test`)
};

class Extractor {
 public:
  // `backward`: the matcher's sweep order (see Matcher), for every other worker thread.
  Extractor(const RuleSet& rules, ExtractOptions options, bool backward = false);
  ExtractedDocument run(const RawDocument& input);
  // Several documents at once, with the same results as one by one: they are matched together,
  // which is faster (see Matcher::run).
  std::vector<ExtractedDocument> run(std::span<const RawDocument> inputs);

 private:
  // Decodes, normalizes and segments; false when the document ends in an error record.
  bool prepare(const RawDocument& input, ExtractedDocument& out, std::optional<Date>& ref);
  void resolve(ExtractedDocument& out, std::vector<Candidate> found, const std::optional<Date>& ref);
  TypeMask match_types() const;

  const RuleSet& rules_;
  ExtractOptions options_;
  TextNormalizer normalizer_;
  SentenceSplitter splitter_;
  Matcher matcher_;
};

// The abbreviation list of the rules, in the form SentenceSplitter takes.
std::unordered_set<std::string> abbreviations_of(const RuleSet& rules);

}  // namespace claimx
