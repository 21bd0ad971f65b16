#pragma once
// Claims: candidates of claim rules -> claim records with speaker, cue, quote kind, hedge, source.
// A claim rule marks its parts with named groups: `content` (the record's span), `speaker`, `cue`,
// `source`, `hedge`, `neg`. The speaker takes the name and id of the person or organization
// record it overlaps; a pronoun ("she", "he", "they") or a nominal speaker keeps its own text and
// span and takes the nearest preceding person mention's name. Content never includes boilerplate.
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/record.h"

namespace claimx {

class ClaimAssembler {
 public:
  explicit ClaimAssembler(const RuleSet& rules);
  // `entities`: the document's resolved person/org/place records, sorted by span.
  std::vector<Record> run(const std::vector<Candidate>& claims, const std::vector<Candidate>& boilerplate,
                          const std::vector<Record>& entities, std::string_view text) const;

 private:
  const WordList* pronouns_;
  const WordList* given_names_;
};

}  // namespace claimx
