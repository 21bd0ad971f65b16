// The RE2::Set prefilter against the naive loop, same rules, same text (issue 4). Each file is
// normalized and split into sentences first (not timed); then every rule group (record type x
// scope) runs over every sentence (or paragraph) two ways:
//   prefilter: the group's RE2::Set names the rules that can match; only those extract groups;
//   every-rule: each rule's own RE2 runs on every piece.
// Both must find the same candidates (checked). Usage: bench_prefilter FILE-LIST [REPEAT] [RULES-DIR]
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "bench_util.h"
#include "match/matcher.h"
#include "normalize/normalize.h"
#include "pipeline/extractor.h"
#include "segment/segment.h"

using namespace claimx;
using namespace claimx::bench;

namespace {

struct Piece {
  std::size_t doc;
  std::uint32_t begin, end;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_prefilter FILE-LIST [REPEAT] [RULES-DIR]\n";
    return 2;
  }
  const auto raw = read_listed_files(argv[1]);
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  try {
    RuleSet rules = argc > 3 ? RuleSet::load_dir(argv[3]) : RuleSet::load_embedded();
    TextNormalizer normalizer;
    SentenceSplitter splitter(abbreviations_of(rules));
    Matcher matcher(rules);
    std::vector<std::string> texts;
    std::vector<Piece> sentences, paragraphs;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      texts.push_back(normalizer.run(raw[i]).text());
      auto ss = splitter.split(texts.back());
      std::uint32_t para = UINT32_MAX;
      for (const auto& s : ss) {
        sentences.push_back({i, s.begin, s.end});
        if (s.paragraph != para) paragraphs.push_back({i, s.begin, s.end});
        else paragraphs.back().end = s.end;
        para = s.paragraph;
      }
    }
    std::vector<const RuleSet::Group*> groups[2];
    for (int t = 0; t < kRecordTypes; ++t)
      for (Scope s : {Scope::sentence, Scope::paragraph})
        if (const auto& g = rules.group(static_cast<RecordType>(t), s); !g.rules.empty())
          groups[static_cast<int>(s)].push_back(&g);

    std::vector<Candidate> found;
    std::vector<int> hits;
    auto run = [&](bool prefilter) {
      long long n = 0;
      for (int scope = 0; scope < 2; ++scope)
        for (const auto* g : groups[scope])
          for (const auto& p : scope == 0 ? sentences : paragraphs) {
            const std::string& text = texts[p.doc];
            found.clear();
            if (prefilter) {
              g->may_match(std::string_view(text).substr(p.begin, p.end - p.begin), hits);
              for (int h : hits) matcher.match_rule(*g->rules[h], text, p.begin, p.end, found);
            } else {
              for (const Rule* r : g->rules) matcher.match_rule(*r, text, p.begin, p.end, found);
            }
            n += static_cast<long long>(found.size());
          }
      return n;
    };
    long long with_set = 0, every_rule = 0;
    Timing a = best_of(repeat, [&] { with_set = run(true); });
    Timing b = best_of(repeat, [&] { every_rule = run(false); });
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    print_result("set-prefilter", raw.size(), bytes, a, with_set);
    print_result("every-rule", raw.size(), bytes, b, every_rule);
    std::fprintf(stderr, "bench_prefilter: %zu rules, %zu sentences, %zu paragraphs; prefilter %.1fx faster\n",
                 rules.rules().size(), sentences.size(), paragraphs.size(), b.cpu / a.cpu);
    if (with_set != every_rule) {
      std::cerr << "bench_prefilter: the two ways found different candidates (" << with_set << " vs " << every_rule
                << ")\n";
      return 1;
    }
  } catch (const RuleError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
