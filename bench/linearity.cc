// How extraction time grows with the length of a sentence, a line and a document (issues 9 and 10).
// Each case times the same amount of text two ways and prints the ratio of their CPU times; work
// linear in the length keeps every ratio near the one given as "linear" (1 when both sides hold the
// same bytes, 4 for 4 MB against 1 MB), quadratic work multiplies it by the length factor (10 or 4).
// CPU time (not wall time) because the machine may be shared; each side is the fastest of REPEAT.
// The cases are the inputs that once took quadratic time; tests/limits_test.cc checks that they come
// out right, timings live here because a timed assertion on a shared machine is flaky.
//
//   bench_linearity [REPEAT] [MB]      (defaults 3 and 1; MB scales every case)
//
// Prints one JSON line per case: {"name", "a", "b", "a_seconds", "b_seconds", "ratio", "linear"}.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_util.h"
#include "normalize/normalize.h"
#include "pipeline/extractor.h"
#include "segment/segment.h"

using namespace claimx;
using namespace claimx::bench;

namespace {

// Words of news text with names, places, dates, a quote and speech verbs, but no sentence end
// (the same mix as tests/limits_test.cc).
const std::vector<std::string> kNewsWords = {
    "the", "court", "said", "that", "Kevin", "Cooper", "and", "Kim", "Kardashian", "West", "met", "in", "Ohio",
    "on", "June", "1,", "2019", "while", "officials", "from", "the", "Justice", "Department", "reportedly",
    "argued", "about", "the", "case", "\"we", "are", "hopeful\"", "she", "told", "reporters", "last", "week"};

// `bytes` bytes of `words` in a fixed pseudo-random order, joined with spaces.
std::string prose(std::size_t bytes, const std::vector<std::string>& words) {
  std::string out;
  std::uint32_t x = 12345;
  while (out.size() < bytes) {
    x = x * 1103515245u + 12345u;
    out += words[(x >> 16) % words.size()];
    out += ' ';
  }
  out.resize(bytes);
  return out;
}

// `text` with a line break at the first space after every `step` bytes.
std::string cut_lines(std::string text, std::size_t step) {
  for (std::size_t at = step; at < text.size(); at += step) {
    std::size_t sp = text.find(' ', at);
    if (sp == std::string::npos) break;
    text[sp] = '\n';
  }
  return text;
}

template <class F>
double cpu_best(int repeat, F&& f) {
  return best_of(repeat, f).cpu;
}

void report(const char* name, const char* a, const char* b, double ta, double tb, double linear) {
  std::printf("{\"name\":\"%s\",\"a\":\"%s\",\"b\":\"%s\",\"a_seconds\":%.4f,\"b_seconds\":%.4f,"
              "\"ratio\":%.2f,\"linear\":%.0f}\n",
              name, a, b, ta, tb, tb > 0 ? ta / tb : 0.0, linear);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int repeat = argc > 1 ? std::atoi(argv[1]) : 3;
  const double scale = argc > 2 ? std::atof(argv[2]) : 1.0;
  const auto mb = static_cast<std::size_t>(scale * 1'000'000);
  const RuleSet rules = RuleSet::load_embedded();
  Extractor extractor(rules, ExtractOptions{});
  auto extract = [&](const std::string& text) {
    RawDocument raw;
    raw.id = "long";
    raw.bytes = text;
    ExtractedDocument doc = extractor.run(raw);
    if (!doc.error.empty()) {
      std::fprintf(stderr, "bench_linearity: %s\n", doc.error.c_str());
      std::exit(1);
    }
  };

  // Sentence length, with document length fixed: 1 MB as one sentence against ten lines of 100 KB.
  {
    const std::string one = prose(mb, kNewsWords), ten = cut_lines(one, mb / 10);
    const double t_ten = cpu_best(repeat, [&] { extract(ten); });
    const double t_one = cpu_best(1, [&] { extract(one); });
    report("sentence length: extract", "1 MB as one sentence", "10 sentences of 100 KB", t_one, t_ten, 1);
  }
  // Many short sentences on one line against the same on ten lines (sentence splitting alone).
  {
    SentenceSplitter splitter({"Gov", "Mr"});
    const std::string one = prose(mb, {"Ab.", "Gov.", "Cd", "Mr.", "ef", "G."}), ten = cut_lines(one, mb / 10);
    const double t_ten = cpu_best(repeat, [&] { splitter.split(ten); });
    const double t_one = cpu_best(repeat, [&] { splitter.split(one); });
    report("line length: split", "1 MB of short sentences on one line", "the same on 10 lines", t_one, t_ten, 1);
  }
  // A run of combining marks against as many bytes of accented letters (normalizing alone).
  {
    TextNormalizer normalizer;
    std::string marks = "a", plain;
    while (marks.size() < mb / 4) marks += marks.size() % 4 == 1 ? "\u0301" : "\u0323";
    while (plain.size() < marks.size()) plain += "e\u0301 ";
    const double t_plain = cpu_best(repeat, [&] { normalizer.run(plain); });
    const double t_marks = cpu_best(repeat, [&] { normalizer.run(marks); });
    report("combining marks: normalize", "250 KB run of combining marks", "250 KB of accented letters", t_marks,
           t_plain, 1);
  }
  // Document length: 4 MB of short news sentences against 1 MB.
  {
    std::vector<std::string> words = kNewsWords;
    words.insert(words.end(), {"today.", "again."});
    const std::string small = prose(mb, words), big = prose(4 * mb, words);
    const double t_small = cpu_best(repeat, [&] { extract(small); });
    const double t_big = cpu_best(1, [&] { extract(big); });
    report("document length: extract", "4 MB document", "1 MB document", t_big, t_small, 4);
  }
  return 0;
}
