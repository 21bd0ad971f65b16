#pragma once
// resolve (dates): candidates of date rules -> records with a TIMEX3 `timex`, `value`, `anchor`
// and `mod`.
// A rule's `value` template, once filled from its groups, is an expression of the value language
// (date_values.h, docs/rules.md "Date values"): a TIMEX3 value as written (anchor "absolute"), or
// one computed from the reference date, the previous date the article mentions, or the date
// written next to a time. The reference is, in order: the date given by the caller (--ref-date,
// or the JSONL article's `date`), anchor "ref-date"; else the article's dateline (a complete date
// near the start of the first paragraph, or a short line of its own in the first three, as in
// "March 01, 2008" under a title), anchor "article"; else relative values stay null (a calendar
// name keeps its X form: "XXXX-05-30") with anchor "unresolved".
// A weekday without a week ("Thursday") is the nearest past one unless the rule's `tense` field
// or the tense of the sentence around it (tense.h) says future; a month, season, quarter or
// month-day without a year is the occurrence nearest the reference unless the rule says a tense.
#include <optional>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "match/rule_set.h"
#include "resolve/date_period.h"
#include "resolve/date_values.h"
#include "resolve/record.h"

namespace claimx {

class DateResolver {
 public:
  DateResolver(const RuleSet& rules, std::optional<Date> ref) : rules_(rules), ref_(ref) {}
  std::vector<Record> run(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                          std::string_view text) const;

 private:
  const RuleSet& rules_;
  std::optional<Date> ref_;
};

// The dateline of an article from its date candidates (see above); nullopt when it has none.
std::optional<Date> dateline_date(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                                  std::string_view text);

}  // namespace claimx
