#pragma once
// Claims: candidates of claim rules -> claim records with content, speaker, cue, quote kind, hedge,
// source and negation.
// A claim rule marks its parts with named groups: `content` (the record's span), `speaker`, `cue`,
// `source` (the outlet or channel as written), `audience` ("told X": the source when X is an
// outlet), `hedge`, `neg`. Fields a rule may set: `quote`, `lemma`, `hedge`, `source`, `negated`,
// `speaker_kind` (`previous`: the speaker of the claim before it in the paragraph, for ", adding
// that ..."; `coordinated`: that of the claim before it in the sentence, for "said A and warned B",
// dropped without one), and `block` (`after`: the content is the block quote after the match's paragraph;
// `before`: the embedded post above a post signature).
// Then, across sentences and paragraphs (see quote_structure.h): direct quotes run on over the
// paragraphs they continue into; content never includes boilerplate; claims that end up on the same
// content are merged (the first keeps its fields and takes what it lacks from the others); unquoted
// speech that an attribution interrupts ("If it fails, she argued, there are other tools") is one claim
// around it (rules/lists/attribution_tails.tsv says how the second part may open); a quote
// standing alone as its own sentence after a direct claim in the same paragraph ("...," she said.
// "More.") is a claim of the same speaker; a claim inside the content of a claim with a source
// ("..., according to TMZ") takes that source. Speakers are resolved by SpeakerResolver.
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/record.h"
#include "segment/segment.h"

namespace claimx {

class ClaimAssembler {
 public:
  explicit ClaimAssembler(const RuleSet& rules);
  // `entities`: the document's resolved person/org/place records, sorted by span.
  std::vector<Record> run(const std::vector<Candidate>& claims, const std::vector<Candidate>& boilerplate,
                          const std::vector<Record>& entities, std::string_view text,
                          const std::vector<Sentence>& sentences) const;

 private:
  const RuleSet& rules_;
};

}  // namespace claimx
