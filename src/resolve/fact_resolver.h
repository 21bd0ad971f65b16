#pragma once
// Facts: figures the article gives about a subject ("Hatcher, 61," -> age 61 of Delroy Hatcher;
// "helped free 17 prisoners" -> count of prisoners 17 for the person the sentence is about).
// A fact rule names the figure with its `value` field, what it measures with `attribute`, and may
// name the subject: a `subject` group is a name, and takes the person/org/place record it overlaps
// (none when claimx found no name there: "their 10-year-old daughter" is not the person before
// it); an `anaphor` group is a definite description ("the reality star", "the now 61-year-old")
// and, like a rule with neither group, takes the nearest person mentioned before it in the same or
// the previous sentence. Facts feed `claimx corroborate`, which compares them across articles.
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/record.h"

namespace claimx {

class FactResolver {
 public:
  std::vector<Record> run(const std::vector<Candidate>& facts, const std::vector<Record>& entities,
                          std::string_view text) const;
};

}  // namespace claimx
