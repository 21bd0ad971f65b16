#include "pipeline/extractor.h"

#include <algorithm>

#include <fmt/format.h>

#include "decode/decode.h"
#include "resolve/claim_assembler.h"
#include "resolve/entity_resolver.h"
#include "resolve/fact_resolver.h"

namespace claimx {

std::unordered_set<std::string> abbreviations_of(const RuleSet& rules) {
  std::unordered_set<std::string> out;
  if (const WordList* list = rules.list("abbreviations"))
    for (const auto& s : list->surfaces()) out.insert(s.size() > 1 && s.back() == '.' ? s.substr(0, s.size() - 1) : s);
  return out;
}

Extractor::Extractor(const RuleSet& rules, ExtractOptions options, bool backward)
    : rules_(rules), options_(options), splitter_(abbreviations_of(rules)), matcher_(rules, backward) {}

ExtractedDocument Extractor::run(const RawDocument& input) {
  // One document through the batch path, so both give the same records by construction.
  return std::move(run(std::span<const RawDocument>(&input, 1)).front());
}

std::vector<ExtractedDocument> Extractor::run(std::span<const RawDocument> inputs) {
  std::vector<ExtractedDocument> out(inputs.size());  // sized once: MatchDocument points into it
  std::vector<std::optional<Date>> refs(inputs.size());
  std::vector<std::size_t> matched;
  std::vector<MatchDocument> docs;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (prepare(inputs[i], out[i], refs[i])) matched.push_back(i);
  for (std::size_t i : matched) docs.push_back({out[i].match.text(), &out[i].sentences});
  auto found = matcher_.run(docs, match_types());
  for (std::size_t k = 0; k < matched.size(); ++k) resolve(out[matched[k]], std::move(found[k]), refs[matched[k]]);
  return out;
}

bool Extractor::prepare(const RawDocument& input, ExtractedDocument& out, std::optional<Date>& ref) {
  out.doc = input.id;
  out.ordinal = input.ordinal;
  out.bytes = input.bytes.size();
  out.meta_json = input.meta_json;
  if (!input.error.empty()) {
    out.error = input.error;
    return false;
  }
  ref = options_.ref_date;
  if (!input.date.empty()) {
    ref = parse_iso_date(input.date);
    if (!ref) out.warnings.push_back(fmt::format("ignoring \"date\" \"{}\": not YYYY-MM-DD", input.date));
    if (!ref) ref = options_.ref_date;
  }

  // decode
  std::string text;
  if (input.is_utf8) {
    text = input.bytes;
  } else {
    Decoded d = decode(input.bytes);
    if (!d.error.empty()) {
      out.error = d.error;
      return false;
    }
    out.warnings = std::move(d.warnings);
    text = std::move(d.text);
  }
  // normalize, segment
  out.match = normalizer_.run(text);
  out.original.emplace(std::move(text));
  out.sentences = splitter_.split(out.match.text());
  return true;
}

TypeMask Extractor::match_types() const {
  // Claims name their speakers, facts their subjects, through the names: find those too.
  TypeMask wanted = options_.types;
  if (wanted.has(RecordType::claim) || wanted.has(RecordType::fact))
    for (RecordType t : {RecordType::person, RecordType::org, RecordType::place})
      wanted.bits |= 1u << static_cast<int>(t);
  return wanted;
}

void Extractor::resolve(ExtractedDocument& out, std::vector<Candidate> found, const std::optional<Date>& ref) {
  const std::string& mt = out.match.text();
  // resolve: names first, since claims point at them
  std::vector<Candidate> by_type[kRecordTypes];
  for (auto& c : found) {
    if (c.rule->type == RecordType::boilerplate) out.blockers.push_back(c);  // never emitted either
    if (c.rule->blocker) out.blockers.push_back(c);
    else by_type[static_cast<int>(c.rule->type)].push_back(std::move(c));
  }
  std::vector<Candidate> entity_cands;
  for (RecordType t : {RecordType::person, RecordType::org, RecordType::place})
    for (auto& c : by_type[static_cast<int>(t)]) entity_cands.push_back(std::move(c));
  std::sort(entity_cands.begin(), entity_cands.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  std::vector<Record> entities = EntityResolver(rules_).run(entity_cands, mt);
  std::vector<Record> dates =
      DateResolver(rules_, ref).run(by_type[static_cast<int>(RecordType::date)], out.sentences, mt);
  std::vector<Record> claims = ClaimAssembler(rules_).run(by_type[static_cast<int>(RecordType::claim)],
                                                          by_type[static_cast<int>(RecordType::boilerplate)],
                                                          entities, mt, out.sentences);
  std::vector<Record> facts;
  if (options_.types.has(RecordType::fact))
    facts = FactResolver().run(by_type[static_cast<int>(RecordType::fact)], entities, mt);
  for (auto* part : {&entities, &dates, &claims, &facts})
    for (auto& r : *part)
      if (options_.types.has(r.type)) out.records.push_back(std::move(r));
  std::stable_sort(out.records.begin(), out.records.end(), [](const Record& a, const Record& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return static_cast<int>(a.type) < static_cast<int>(b.type);
  });
}

}  // namespace claimx
