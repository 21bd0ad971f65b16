#pragma once
// Names: candidates of person/org/place rules -> records with a canonical `name` and a stable `id`.
// Within one document, a partial name ("Kardashian", "Kim") takes the longest full name it is part
// of ("Kim Kardashian West"), found before or after it (headlines come first); a surname one edit
// away from a known person's ("Copper" for "Cooper") joins that person when the given names agree
// or one is absent; two people with different given names never merge; an ambiguous partial name
// goes to the most recent compatible full name.
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/record.h"

namespace claimx {

class EntityResolver {
 public:
  explicit EntityResolver(const RuleSet& rules);
  std::vector<Record> run(const std::vector<Candidate>& candidates, std::string_view text) const;

 private:
  const WordList* given_names_;  // may be null when the rules declare no `given_names` list
};

// Levenshtein distance, capped: returns cap + 1 as soon as it is certain to exceed `cap`.
int edit_distance(std::string_view a, std::string_view b, int cap);

}  // namespace claimx
