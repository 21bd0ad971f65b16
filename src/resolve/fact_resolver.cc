#include "resolve/fact_resolver.h"

#include "resolve/fields.h"

namespace claimx {

std::vector<Record> FactResolver::run(const std::vector<Candidate>& facts, const std::vector<Record>& entities,
                                      std::string_view text) const {
  std::vector<Record> out;
  for (const auto& c : facts) {
    Record r = base_record(c);
    r.attribute = field_or(c, "attribute", text, "");
    r.value = field_or(c, "value", text, std::string(text.substr(c.begin, c.end - c.begin)));
    ByteSpan sp = group_span(c, "subject");
    const Record* named = nullptr;
    if (sp.end > sp.begin) {
      for (const auto& e : entities)
        if (e.span.overlaps(sp)) named = &e;
    }
    if (named == nullptr) {
      // The nearest person before the figure (or before the subject word), at most a sentence back.
      std::uint32_t before = sp.end > sp.begin ? sp.begin : c.groups[0].begin;
      for (auto it = entities.rbegin(); it != entities.rend(); ++it)
        if (it->type == RecordType::person && it->span.end <= before && it->sentence + 1 >= r.sentence) {
          named = &*it;
          break;
        }
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
