#pragma once
// eval input: gold and predicted records, read from JSON Lines in the form `extract` writes.
// In:  JSONL text (SPEC section 2 records: doc, type, text, span in code points, type fields), one
//      record a line; gold records may also carry `"optional": true`. Fields the scorer does not use
//      (and unknown extra fields) are ignored; `error` and `fact` records are skipped.
// Out: EvalRecords grouped by document, in the order they were read. Both sides of a comparison go
//      through the same reader, so predictions are scored exactly as `extract` prints them.
#include <algorithm>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "match/rule.h"

namespace claimx::eval {

// The five types eval scores: RecordType person, org, place, date, claim (indices 0-4).
constexpr int kScoredTypes = 5;

struct CpSpan {
  std::uint32_t begin = 0, end = 0;
  bool operator==(const CpSpan&) const = default;
  bool overlaps(const CpSpan& o) const { return begin < o.end && o.begin < end; }
  std::uint32_t overlap(const CpSpan& o) const {
    std::uint32_t b = std::max(begin, o.begin), e = std::min(end, o.end);
    return e > b ? e - b : 0;
  }
};

// A speaker or cue inside a claim.
struct EvalMention {
  std::string text, name, lemma;  // name: speaker only; lemma: cue only
  std::optional<CpSpan> span;     // absent when the record gives none
};

struct EvalRecord {
  std::string doc;
  RecordType type = RecordType::person;
  std::string text;
  CpSpan span;
  bool optional = false;  // gold only: neither required nor a false positive when found
  std::string name;       // person, org, place (empty: the record has none)
  bool has_name = false;
  std::string timex, value;  // date; value empty with has_value: null
  bool has_value = false;
  std::optional<EvalMention> speaker, cue;  // claim; nullopt: null (or absent)
  std::string quote;                        // claim: direct, indirect, mixed
};

// Records of one side (gold or predictions) by document id.
using RecordsByDoc = std::map<std::string, std::vector<EvalRecord>>;

// A malformed line: "file:line: message".
struct EvalInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses one JSONL line. Returns nullopt for blank lines and records eval does not score (`error`,
// `fact`); throws
// EvalInputError (without the file:line prefix) for invalid JSON, a missing doc/type/span, or a
// type eval does not know.
std::optional<EvalRecord> parse_eval_record(const std::string& line);

// Reads every record of a JSONL stream into `out`; `name` is used in error messages.
void read_eval_records(std::istream& in, const std::string& name, RecordsByDoc& out);

// A gold file, or a folder of them (every *.jsonl below it, in sorted order).
RecordsByDoc load_gold(const std::string& path);

}  // namespace claimx::eval
