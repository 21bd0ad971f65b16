#include "resolve/fact_resolver.h"

#include "resolve/fields.h"

namespace claimx {

namespace {

// The nearest person mentioned before `before`, at most a sentence back.
const Record* previous_person(const std::vector<Record>& entities, std::uint32_t before, std::size_t sentence) {
  for (auto it = entities.rbegin(); it != entities.rend(); ++it)
    if (it->type == RecordType::person && it->span.end <= before && it->sentence + 1 >= sentence) return &*it;
  return nullptr;
}

}  // namespace

std::vector<Record> FactResolver::run(const std::vector<Candidate>& facts, const std::vector<Record>& entities,
                                      std::string_view text) const {
  std::vector<Record> out;
  for (const auto& c : facts) {
    Record r = base_record(c);
    r.attribute = field_or(c, "attribute", text, "");
    r.value = field_or(c, "value", text, std::string(text.substr(c.begin, c.end - c.begin)));
    ByteSpan named_span = group_span(c, "subject");
    ByteSpan anaphor = group_span(c, "anaphor");
    const Record* named = nullptr;
    ByteSpan sp;
    if (named_span.end > named_span.begin) {
      // A name: only the record it is. A name claimx did not find is nobody rather than a guess.
      sp = named_span;
      for (const auto& e : entities)
        if (e.span.overlaps(sp)) named = &e;
    } else if (anaphor.end > anaphor.begin) {
      // A definite description ("the reality star", "the now 61-year-old") refers back.
      sp = anaphor;
      named = previous_person(entities, anaphor.begin, r.sentence);
    } else {
      // No subject in the pattern: the person the sentence is about, named before the figure.
      named = previous_person(entities, c.groups[0].begin, r.sentence);
    }
    MentionRef m;
    m.span = sp.end > sp.begin ? sp : (named ? named->span : ByteSpan{});
    if (named != nullptr) {
      m.name = named->name;
      m.id = named->id;
    }
    if (m.span.end > m.span.begin) r.subject = m;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace claimx
