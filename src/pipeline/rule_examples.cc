#include "pipeline/rule_examples.h"

#include <fmt/format.h>

#include "pipeline/extractor.h"

namespace claimx {

namespace {

// The value of a record field as an example names it; "null" for an absent value.
std::string field_value(const Record& r, const std::string& key, const ExtractedDocument& doc) {
  auto or_null = [](const std::string& s) { return s.empty() ? std::string("null") : s; };
  auto slice = [&](ByteSpan s) { return std::string(doc.original->slice(doc.match.to_original(s.begin, s.end))); };
  if (key == "text") return slice(r.span);
  if (key == "name") return r.name;
  if (key == "id") return r.id;
  if (key == "kind") return or_null(r.kind);
  if (key == "timex") return r.timex;
  if (key == "value") return or_null(r.value);
  if (key == "anchor") return r.anchor;
  if (key == "attribute") return or_null(r.attribute);
  if (key == "mod") return or_null(r.mod);
  if (key == "quote") return r.quote;
  if (key == "hedge") return or_null(r.hedge);
  if (key == "source") return or_null(r.source);
  if (key == "negated") return r.negated ? "true" : "false";
  if (key == "speaker") return r.speaker ? (r.speaker->name.empty() ? "null" : r.speaker->name) : "null";
  if (key == "speaker_text") return r.speaker ? slice(r.speaker->span) : "null";
  if (key == "subject") return r.subject && !r.subject->name.empty() ? r.subject->name : "null";
  if (key == "cue") return r.cue ? r.cue->lemma : "null";
  if (key == "cue_text") return r.cue ? slice(r.cue->span) : "null";
  return "<unknown field " + key + ">";
}

std::string describe(const Record& r, const Example& ex, const ExtractedDocument& doc) {
  std::string s = fmt::format("{} \"{}\"", r.rule ? r.rule->id : "?", field_value(r, "text", doc));
  for (const auto& [k, v] : ex.expect)
    if (k != "text") s += fmt::format(" {}={}", k, field_value(r, k, doc));
  return s;
}

}  // namespace

ExampleReport check_rule_examples(const RuleSet& rules) {
  ExtractOptions opt;
  opt.ref_date = parse_iso_date(kExampleRefDate);
  opt.types.bits = (1u << kRecordTypes) - 1;  // every rule's examples run, fact rules too
  Extractor extractor(rules, opt);
  ExampleReport report;
  for (const auto& rule : rules.rules()) {
    for (const auto& ex : rule.examples) {
      RawDocument in;
      in.id = "example";
      in.bytes = ex.text;
      in.is_utf8 = true;
      ExtractedDocument doc = extractor.run(in);
      auto fail = [&](std::string msg) { report.failures.push_back({rule.file, ex.line, rule.id, std::move(msg)}); };
      if (rule.blocker || rule.type == RecordType::boilerplate) {  // rules that emit no record
        const char* kind = rule.blocker ? "blocker" : "boilerplate";
        bool won = false;
        for (const auto& b : doc.blockers) won = won || b.rule == &rule;
        if (won == ex.counter)
          fail(ex.counter ? fmt::format("expected the {} not to match \"{}\"", kind, ex.text)
                          : fmt::format("expected the {} to win a span in \"{}\"", kind, ex.text));
        else ++report.passed;
        continue;
      }
      std::vector<const Record*> mine;
      for (const auto& r : doc.records)
        if (r.rule == &rule) mine.push_back(&r);
      if (ex.counter) {
        if (mine.empty()) ++report.passed;
        else fail(fmt::format("expected no match in \"{}\", got {}", ex.text, describe(*mine.front(), ex, doc)));
        continue;
      }
      bool ok = false;
      for (const Record* r : mine) {
        bool all = true;
        for (const auto& [k, v] : ex.expect) all = all && field_value(*r, k, doc) == v;
        ok = ok || all;
      }
      if (ok) {
        ++report.passed;
        continue;
      }
      std::string want;
      for (const auto& [k, v] : ex.expect) want += fmt::format(" {}={}", k, v);
      std::string got;
      for (const auto& r : doc.records)
        if (r.type == rule.type) got += (got.empty() ? "" : "; ") + describe(r, ex, doc);
      fail(fmt::format("expected a match in \"{}\"{} got {}", ex.text, want.empty() ? "," : want + ",",
                       got.empty() ? "nothing" : got));
    }
  }
  return report;
}

}  // namespace claimx
