#include "targets.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_set>

#include <rapidjson/document.h>

#include "decode/decode.h"
#include "emit/writer.h"
#include "match/rule_set.h"
#include "normalize/normalize.h"
#include "pipeline/extractor.h"
#include "pipeline/rule_examples.h"
#include "segment/segment.h"
#include "source/source.h"

// Aborts with the broken invariant: libFuzzer saves the input, a test run fails.
#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace claimx::fuzz {

namespace {

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

bool is_continuation(std::string_view s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// The match-text invariants the emit stage relies on to cut record text out of the original.
void check_offset_map(const MatchText& m, const OriginalText& original) {
  const std::string& t = m.text();
  const std::uint32_t total = original.size_cp();
  FUZZ_CHECK(is_valid_utf8(t));
  FUZZ_CHECK(m.to_original(t.size(), t.size()).begin == total);
  CodePointSpan prev{0, 0};
  for (std::size_t b = 0; b < t.size(); ++b) {
    CodePointSpan s = m.to_original(b, b + 1);
    FUZZ_CHECK(s.begin <= s.end);
    FUZZ_CHECK(s.end <= total);
    FUZZ_CHECK(s.begin >= prev.begin);  // monotonic: a later byte never maps before an earlier one
    FUZZ_CHECK(s.end >= prev.end);
    prev = s;
  }
}

void check_sentences(const std::vector<Sentence>& sentences, std::string_view text) {
  std::uint32_t last_end = 0, last_paragraph = 0;
  for (const auto& s : sentences) {
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= text.size());
    FUZZ_CHECK(s.begin >= last_end);
    FUZZ_CHECK(s.paragraph >= last_paragraph);
    FUZZ_CHECK(!is_continuation(text, s.begin));
    FUZZ_CHECK(!is_continuation(text, s.end));
    last_end = s.end;
    last_paragraph = s.paragraph;
  }
}

void check_span(ByteSpan s, const ExtractedDocument& doc) {
  FUZZ_CHECK(s.begin <= s.end);
  FUZZ_CHECK(s.end <= doc.match.text().size());
}

// Every line is one JSON object in valid UTF-8, and every span lies inside the original.
void check_output(const std::string& out, std::uint32_t size_cp) {
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t nl = out.find('\n', pos);
    FUZZ_CHECK(nl != std::string::npos);
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(out.data() + pos, nl - pos);
    FUZZ_CHECK(!d.HasParseError());
    FUZZ_CHECK(d.IsObject());
    if (d.HasMember("span")) {
      const auto& span = d["span"];
      FUZZ_CHECK(span.IsArray() && span.Size() == 2);
      FUZZ_CHECK(span[0].GetUint() <= span[1].GetUint());
      FUZZ_CHECK(span[1].GetUint() <= size_cp);
    }
    pos = nl + 1;
  }
}

const RuleSet& embedded_rules() {
  static const RuleSet rules = RuleSet::load_embedded();
  return rules;
}

}  // namespace

void text_stages(const std::uint8_t* data, std::size_t size) {
  static const TextNormalizer normalizer;
  static const SentenceSplitter splitter(std::unordered_set<std::string>{"Mr", "Gov", "Jan", "U.S", "a.m", "St"});
  Decoded d = decode(as_text(data, size));
  if (!d.error.empty()) {
    FUZZ_CHECK(d.text.empty());
    return;
  }
  FUZZ_CHECK(is_valid_utf8(d.text));
  MatchText m = normalizer.run(d.text);
  OriginalText original(d.text);
  check_offset_map(m, original);
  check_sentences(splitter.split(m.text()), m.text());
}

void rule_file(const std::uint8_t* data, std::size_t size) {
  static std::map<std::string, std::string> files = [] {
    auto all = embedded_rule_files();
    std::map<std::string, std::string> lists;
    for (auto& [path, text] : all)
      if (path.rfind("lists/", 0) == 0) lists[path] = std::move(text);
    return lists;
  }();
  std::string_view text = as_text(data, size);
  std::string_view rules = text, list;
  if (auto split = text.find("\n%%\n"); split != std::string_view::npos) {
    rules = text.substr(0, split);
    list = text.substr(split + 4);
  }
  files["fuzz.rules"] = std::string(rules);
  files["lists/fuzz.tsv"] = std::string(list);
  try {
    RuleSet set = RuleSet::load(files, "fuzz");
    check_rule_examples(set);
  } catch (const RuleError& e) {
    FUZZ_CHECK(!e.message.empty());
  }
}

void jsonl_line(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string line(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    RawDocument doc;
    std::string err = parse_jsonl_article(line, "fuzz:1", doc);
    if (!err.empty()) continue;
    FUZZ_CHECK(doc.is_utf8);
    FUZZ_CHECK(is_valid_utf8(doc.bytes));
    FUZZ_CHECK(is_valid_utf8(doc.id));
    if (!doc.meta_json.empty()) {
      rapidjson::Document meta;
      meta.Parse(doc.meta_json.data(), doc.meta_json.size());
      FUZZ_CHECK(!meta.HasParseError() && meta.IsObject());
    }
  }
}

void extract_document(const std::uint8_t* data, std::size_t size) {
  static Extractor extractor(embedded_rules(), [] {
    ExtractOptions o;
    o.ref_date = std::chrono::year_month_day{std::chrono::year{2019}, std::chrono::June, std::chrono::day{1}};
    return o;
  }());
  static const auto jsonl = make_jsonl_writer(EmitOptions{true});
  static const auto per_doc = make_per_doc_writer(EmitOptions{false});
  RawDocument raw;
  raw.id = "fuzz";
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  ExtractedDocument doc = extractor.run(raw);
  if (!doc.error.empty()) {
    FUZZ_CHECK(doc.records.empty());
  } else {
    FUZZ_CHECK(doc.original.has_value());
    for (const auto& r : doc.records) {
      check_span(r.span, doc);
      if (r.speaker) check_span(r.speaker->span, doc);
      if (r.cue) check_span(r.cue->span, doc);
      for (const auto& [name, g] : r.groups) check_span(g, doc);
    }
  }
  const std::uint32_t size_cp = doc.original ? doc.original->size_cp() : 0;
  for (const auto* writer : {jsonl.get(), per_doc.get()}) {
    std::string out;
    EmitCounts counts;
    writer->write(doc, out, counts);
    check_output(out, size_cp);
  }
}

Target target_named(std::string_view name) {
  if (name == "text_stages") return text_stages;
  if (name == "rule_file") return rule_file;
  if (name == "jsonl_line") return jsonl_line;
  if (name == "extract_document") return extract_document;
  return nullptr;
}

}  // namespace claimx::fuzz
