// Limits (issue 9): --max-doc-bytes, RE2 memory budgets, and inputs that once took quadratic time
// (a 1 MB sentence, a long line of short sentences, a long run of combining marks): here they must
// come out right; how their time grows with their length is measured in bench/, not asserted here
// (timings on a shared machine make flaky tests).
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>

#include <rapidjson/document.h>

#include "match/rule_set.h"
#include "normalize/normalize.h"
#include "pipeline/extractor.h"
#include "segment/segment.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

// The fastest of `runs` timings of `f`, in seconds.
double best_time(const std::function<void()>& f, int runs = 3) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// Prose of `bytes` bytes built from `words` in a fixed pseudo-random order, joined with `sep`.
std::string prose(std::size_t bytes, const std::vector<std::string>& words, const std::string& sep = " ") {
  std::string out;
  std::uint32_t x = 12345;
  while (out.size() < bytes) {
    x = x * 1103515245u + 12345u;
    out += words[(x >> 16) % words.size()];
    out += sep;
  }
  out.resize(bytes);
  return out;
}

// Words of news text with names, places, dates and speech verbs, but no sentence end.
const std::vector<std::string> kNewsWords = {
    "the", "court", "said", "that", "Kevin", "Cooper", "and", "Kim", "Kardashian", "West", "met", "in", "Ohio",
    "on", "June", "1,", "2019", "while", "officials", "from", "the", "Justice", "Department", "reportedly",
    "argued", "about", "the", "case", "\"we", "are", "hopeful\"", "she", "told", "reporters", "last", "week"};

}  // namespace

TEST_CASE("max-doc-bytes: larger documents are error records, from a file, stdin and JSONL") {
  TempDir dir;
  const std::string doc(1000, 'x');
  dir.write("a.txt", doc);
  auto r = run_claimx(dir.str() + "/a.txt --max-doc-bytes 999");
  CHECK(r.status == 1);
  CHECK(r.out.find("\"message\":\"document is 1000 bytes, over --max-doc-bytes 999\"") != std::string::npos);
  r = run_claimx(dir.str() + "/a.txt --max-doc-bytes 1000 -q");
  CHECK(r.status == 0);
  CHECK(r.out.find("error") == std::string::npos);

  // A stream has no size to check first: reading stops past the limit.
  r = run_claimx("- --max-doc-bytes 999", doc);
  CHECK(r.status == 1);
  CHECK(r.out.find("\"message\":\"document is over 999 bytes, the --max-doc-bytes limit\"") != std::string::npos);
  r = run_claimx("- --max-doc-bytes 1000 -q", doc);
  CHECK(r.status == 0);
  // A device that never ends.
  r = run_claimx("/dev/zero --max-doc-bytes 1000");
  CHECK(r.status == 1);
  CHECK(r.out == "{\"doc\":\"/dev/zero\",\"type\":\"error\",\"message\":\"document is over 1000 bytes, the --max-doc-bytes limit\"}\n");

  // JSONL: the text is measured; a line too long to hold a document within the limit is skipped
  // without being held in memory; the lines after it are processed.
  std::string jsonl = "{\"id\":\"big\",\"text\":\"" + doc + "\"}\n" +
                      "{\"id\":\"huge\",\"text\":\"" + std::string(20000, 'y') + "\"}\n" +
                      "{\"id\":\"ok\",\"text\":\"Kevin Cooper spoke.\"}\n";
  r = run_claimx("--input jsonl - --max-doc-bytes 999", jsonl);
  CHECK(r.status == 1);
  CHECK(r.out.find("{\"doc\":\"big\",\"type\":\"error\",\"message\":\"document is 1000 bytes, over --max-doc-bytes 999\"}") !=
        std::string::npos);
  const std::size_t huge_line = lines(jsonl)[1].size();
  CHECK(r.out.find("{\"doc\":\"stdin:2\",\"type\":\"error\",\"message\":\"line is " + std::to_string(huge_line) +
                   " bytes, too long for a document within --max-doc-bytes 999\"}") != std::string::npos);
  CHECK(r.out.find("\"doc\":\"ok\",\"type\":\"person\"") != std::string::npos);
}

TEST_CASE("a rule over RE2's memory budget stops the run with file:line") {
  TempDir rules;
  rules.write("a.rules", "rule person.kevin\ntype: person\npattern: Kevin Cooper\nexample: Kevin Cooper spoke.\n");
  // 1000 repetitions of a class of every letter: over the 1 MiB budget of one rule.
  rules.write("b.rules", "\nrule person.huge\ntype: person\npattern: \\pL{1000}\nexample: x\n");
  auto r = run_claimx("--rules " + rules.str() + " -", "Kevin Cooper spoke.");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("claimx: " + rules.str() + "/b.rules:4: rule person.huge: bad pattern: ") == 0);
  CHECK(r.err.find("pattern too large - compile failed (over the memory budget of 1 MiB for one rule)") !=
        std::string::npos);
}

// Sentence length is isolated from document length by extracting the same 1 MB of text once as
// one sentence and once cut into ten lines of 100 KB: with work quadratic in sentence length the
// first would cost ~10x the second. (Comparing a 100 KB document with a 1 MB one mixes in cache
// effects: ICU's break iterator alone goes from ~14 to ~54 ns/byte between 200 and 400 KB.)
TEST_CASE("one 1 MB sentence is extracted as one sentence, with its records") {
  const RuleSet rules = RuleSet::load_embedded();
  Extractor extractor(rules, ExtractOptions{});
  auto extract = [&](const std::string& text, std::size_t& sentences, std::size_t& records) {
    RawDocument raw;
    raw.id = "long";
    raw.bytes = text;
    ExtractedDocument doc = extractor.run(raw);
    REQUIRE(doc.error.empty());
    sentences = doc.sentences.size();
    records = doc.records.size();
  };
  const std::string one = prose(1'000'000, kNewsWords);
  std::string ten = one;
  for (std::size_t at = 100'000; at < ten.size(); at += 100'000) ten[ten.find(' ', at)] = '\n';
  std::size_t s_one = 0, s_ten = 0, r_one = 0, r_ten = 0;
  double t_ten = best_time([&] { extract(ten, s_ten, r_ten); }, 1);
  double t_one = best_time([&] { extract(one, s_one, r_one); }, 1);
  INFO("1 MB as one sentence: " << t_one << " s, " << r_one << " records; as ten: " << t_ten << " s, " << r_ten
                                << " records");
  CHECK(s_one == 1);
  CHECK(s_ten == 10);
  CHECK(r_one > 5000);
}

// The same 1 MB of short sentences ("Ab. Gov. Cd Mr. ef G. ...") on one line and on ten lines.
// Before the fix, each sentence searched the rest of its line for a line break: 3 s on one line.
TEST_CASE("one long line of many short sentences is split into all of them") {
  SentenceSplitter splitter({"Gov", "Mr"});
  const std::vector<std::string> words = {"Ab.", "Gov.", "Cd", "Mr.", "ef", "G."};
  const std::string one = prose(1'000'000, words);
  std::string ten = one;
  for (std::size_t at = 100'000; at < ten.size(); at += 100'000) ten[ten.find(' ', at)] = '\n';
  std::size_t n_one = 0, n_ten = 0;
  double t_ten = best_time([&] { n_ten = splitter.split(ten).size(); }, 3);
  double t_one = best_time([&] { n_one = splitter.split(one).size(); }, 3);
  INFO("one line: " << t_one << " s, " << n_one << " sentences; ten lines: " << t_ten << " s, " << n_ten);
  CHECK(n_one > 30000);
  CHECK(n_ten >= n_one);
}

// A run of combining marks is one NFC segment; ICU reorders marks of different classes by
// insertion, so a 200 KB run took 12 s before runs were cut at 30 marks (UAX #15 stream-safe).
TEST_CASE("a long run of combining marks is normalized whole and still maps to the original") {
  TextNormalizer normalizer;
  std::string marks = "a", plain;
  while (marks.size() < 256'000) marks += marks.size() % 4 == 1 ? "\u0301" : "\u0323";
  while (plain.size() < marks.size()) plain += "e\u0301 ";
  std::size_t n_marks = 0, n_plain = 0;
  double t_plain = best_time([&] { n_plain = normalizer.run(plain).text().size(); });
  double t_marks = best_time([&] { n_marks = normalizer.run(marks).text().size(); });
  INFO("256 KB of marks: " << t_marks << " s; of accented letters: " << t_plain << " s");
  CHECK(n_marks == marks.size());
  // The match text still maps every byte into the original.
  MatchText m = normalizer.run(marks);
  CHECK(m.to_original(m.text().size() - 2, m.text().size()).end == OriginalText(marks).size_cp());
}
