#include "resolve/claim_assembler.h"

#include <algorithm>

#include "match/word_list.h"
#include "resolve/fields.h"

namespace claimx {

ClaimAssembler::ClaimAssembler(const RuleSet& rules)
    : pronouns_(rules.list("pronouns")), given_names_(rules.list("given_names")) {}

std::vector<Record> ClaimAssembler::run(const std::vector<Candidate>& claims, const std::vector<Candidate>& boilerplate,
                                        const std::vector<Record>& entities, std::string_view text) const {
  std::vector<Record> out;
  for (const auto& c : claims) {
    Record r = base_record(c);
    // Boilerplate inside the content cuts it short; content that is all boilerplate is no claim.
    bool dropped = false;
    for (const auto& b : boilerplate) {
      ByteSpan bs{b.begin, b.end};
      if (!bs.overlaps(r.span)) continue;
      if (bs.begin <= r.span.begin && bs.end >= r.span.end) dropped = true;
      else if (bs.begin > r.span.begin) r.span.end = bs.begin;
      else r.span.begin = bs.end;
    }
    while (r.span.end > r.span.begin && (text[r.span.end - 1] == ' ' || text[r.span.end - 1] == '\n')) --r.span.end;
    while (r.span.begin < r.span.end && (text[r.span.begin] == ' ' || text[r.span.begin] == '\n')) ++r.span.begin;
    if (dropped || r.span.begin >= r.span.end) continue;

    r.quote = field_or(c, "quote", text, "indirect");
    r.negated = field_or(c, "negated", text, "false") == "true" || group_span(c, "neg").end > 0;
    r.hedge = field_or(c, "hedge", text, std::string(group_text(c, "hedge", text)));
    r.source = field_or(c, "source", text, std::string(group_text(c, "source", text)));
    ByteSpan cue = group_span(c, "cue");
    if (cue.end > cue.begin) {
      MentionRef m;
      m.span = cue;
      m.lemma = field_or(c, "lemma", text, std::string(text.substr(cue.begin, cue.end - cue.begin)));
      r.cue = m;
    }
    ByteSpan sp = group_span(c, "speaker");
    if (sp.end > sp.begin) {
      MentionRef m;
      m.span = sp;
      std::string_view surface = text.substr(sp.begin, sp.end - sp.begin);
      const Record* named = nullptr;
      for (const auto& e : entities)
        if (e.type != RecordType::place && e.span.overlaps(sp)) {
          named = &e;
          break;
        }
      if (named == nullptr && pronouns_ != nullptr && pronouns_->contains(surface)) {
        // A pronoun: the nearest person mentioned before it.
        for (auto it = entities.rbegin(); it != entities.rend(); ++it)
          if (it->type == RecordType::person && it->span.end <= sp.begin) {
            named = &*it;
            break;
          }
      }
      if (named != nullptr) {
        m.name = named->name;
        m.id = named->id;
      }
      r.speaker = m;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace claimx
