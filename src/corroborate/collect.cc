#include <map>

#include "corroborate/corroborate.h"

namespace claimx {

DocumentFacts collect_document(const ExtractedDocument& doc) {
  DocumentFacts out;
  out.doc = doc.doc;
  if (!doc.error.empty() || !doc.original) return out;
  auto mention = [&](ByteSpan s) {
    CodePointSpan cp = doc.match.to_original(s.begin, s.end);
    return Mention{doc.doc, std::string(doc.original->slice(cp)), cp};
  };
  std::map<std::string, std::size_t> entity_index;  // per-document id -> position in out.entities
  for (const auto& r : doc.records) {
    switch (r.type) {
      case RecordType::person: case RecordType::org: case RecordType::place: {
        auto [it, fresh] = entity_index.emplace(r.id, out.entities.size());
        if (fresh) out.entities.push_back({type_name(r.type), r.name, r.id, {}});
        out.entities[it->second].mentions.push_back(mention(r.span));
        break;
      }
      case RecordType::claim: {
        DocumentFacts::Claim c;
        c.content = mention(r.span);
        if (r.speaker) {
          c.speaker_id = r.speaker->id;
          c.speaker_name = r.speaker->name;
        }
        if (r.cue) c.cue = r.cue->lemma;
        out.claims.push_back(std::move(c));
        break;
      }
      case RecordType::fact: {
        if (!r.subject || r.subject->id.empty() || r.value.empty()) break;  // a figure about no one
        out.facts.push_back({mention(r.span), r.subject->id, r.subject->name, r.attribute, r.value});
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace claimx
