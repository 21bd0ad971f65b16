#pragma once
// The value language of date rules (docs/rules.md, "Date values"): after a rule's `value:`
// template is filled from its groups, the text is one of
//   - a TIMEX3 value as written: 2019-6-1 (padded to 2019-06-01), 2019-Q3, 198, 2019-06-01T5pm
//     (times normalized to T17:00), XXXX-WXX-1 (sets), PRESENT_REF;
//   - a duration P<number><unit>, normalized: P36Y, P2.5Y -> P2Y6M, P3H -> PT3H, P2DE -> P20Y;
//   - an expression computed from a base: REF (the reference date), PREV (the previous date the
//     article mentions, for "a year earlier") or NEAR (the date written next to a time), then
//     shifts (-1D, +2W, -1Y), selectors (<XXXX-10 "last October", ~XXXX-WXX-4 "Thursday"), a
//     move to another year keeping the part of the year (^1988: "the 1988 quarter" is the
//     quarter mentioned before, in 1988), an optional @GRAIN and a time of day (T17:00, TEV). "A|B" tries A, and B when A's PREV or
//     NEAR finds no date to rest on ("PREV@Q|REF-1Q").
// Evaluation needs a context: the reference date, the tense around the expression, and the
// previous/near mentions. Dates are computed with std::chrono calendar types (date_period.h).
#include <functional>
#include <optional>
#include <string>

#include "resolve/date_period.h"

namespace claimx {

enum class Tense { unknown, past, present, future };

// A date already resolved in the document, as PREV and NEAR see it.
struct ResolvedDate {
  Period period;
  std::string anchor;       // absolute, ref-date, article
  bool anaphoric = false;   // shifted from PREV ("a year earlier"): not an antecedent for later PREVs
};

struct ValueContext {
  std::optional<Date> ref;
  std::string ref_anchor = "ref-date";  // or "article" (a dateline)
  Tense tense = Tense::unknown;
  bool tense_from_rule = false;  // the rule's `tense:` field, which also applies to months
  // PREV: the latest earlier mention at least as fine as `need` (nullopt: none).
  std::function<std::optional<ResolvedDate>(Grain need)> previous;
  std::optional<ResolvedDate> near;  // NEAR: a day-grained date written next to this expression
};

struct DateValue {
  std::string value;       // empty: null
  std::string anchor;      // absolute, ref-date, article, unresolved
  bool anaphoric = false;  // shifted from an earlier mention (PREV-1Y); "the quarter" (PREV@Q) is not
};

DateValue evaluate_date_value(const std::string& expr, const ValueContext& ctx);

// Shorthand with only a reference date (unknown tense, no other mentions).
DateValue evaluate_date_value(const std::string& expr, const std::optional<Date>& ref,
                              const std::string& ref_anchor = "ref-date");

// Duration and time-of-day normalization, exposed for tests: "P2.5Y" -> "P2Y6M",
// "5:30p.m." -> "17:30". nullopt when the text is not one.
std::optional<std::string> normalize_duration(const std::string& v);
std::optional<std::string> normalize_time(const std::string& t);

}  // namespace claimx
