#pragma once
// Dates: candidates of date rules -> records with a TIMEX3 `timex`, `value` and `anchor`.
// A rule's `value` is either a complete TIMEX3 value built from its groups ("{year}-{month:months}-
// {day}") or an expression relative to the reference date, starting with "REF" (see
// docs/rules.md, "Date values"). The reference is, in order: the date given by the caller
// (--ref-date, or the JSONL article's `date`), giving anchor "ref-date"; else the first complete
// date in the article's opening paragraph (a dateline), giving "article"; else relative values stay
// null with anchor "unresolved". Date arithmetic uses std::chrono calendar types.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/record.h"

namespace claimx {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); nullopt when invalid.
std::optional<Date> parse_iso_date(std::string_view s);

struct DateValue {
  std::string value;   // empty: null
  std::string anchor;  // absolute, ref-date, article, unresolved
};

// Evaluates one value expression against a reference date (which may be absent).
DateValue evaluate_date_value(const std::string& expr, const std::optional<Date>& ref, const std::string& ref_anchor);

class DateResolver {
 public:
  explicit DateResolver(std::optional<Date> ref) : ref_(ref) {}
  std::vector<Record> run(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                          std::string_view text) const;

 private:
  std::optional<Date> ref_;
};

}  // namespace claimx
