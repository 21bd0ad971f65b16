// Where matching time goes, rule by rule (issue 10): every rule group's RE2::Set on every sentence
// (or paragraph), then each rule the Set names, each timed with the process CPU clock. Prints the
// rules by time, with their compiled program size (RE2::ProgramSize), so a rule author sees which
// patterns to make smaller. Usage: bench_rule_profile FILE-LIST [TOP] [RULES-DIR]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "bench_util.h"
#include "match/matcher.h"
#include "pipeline/extractor.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

using namespace claimx;
using namespace claimx::bench;

namespace {

std::string fmt_group(RecordType t, Scope scope) {
  return std::string(type_name(t)) + (scope == Scope::sentence ? "/sent" : "/para");
}

struct Cost {
  double seconds = 0;
  long long calls = 0, found = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_rule_profile FILE-LIST [TOP] [RULES-DIR]\n";
    return 2;
  }
  const auto raw = read_listed_files(argv[1]);
  const int top = argc > 2 ? std::atoi(argv[2]) : 25;
  try {
    RuleSet rules = argc > 3 ? RuleSet::load_dir(argv[3]) : RuleSet::load_embedded();
    TextNormalizer normalizer;
    SentenceSplitter splitter(abbreviations_of(rules));
    Matcher matcher(rules);
    std::map<const Rule*, Cost> per_rule;
    std::map<std::string, Cost> per_set;
    Cost gate;
    std::vector<Candidate> found;
    std::vector<int> hits;
    std::size_t bytes = 0;
    for (const auto& doc : raw) {
      const std::string text = normalizer.run(doc).text();
      bytes += text.size();
      const auto sentences = splitter.split(text);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> paragraphs;
      std::uint32_t para = UINT32_MAX;
      for (const auto& s : sentences) {
        if (s.paragraph != para) paragraphs.emplace_back(s.begin, s.end);
        else paragraphs.back().second = s.end;
        para = s.paragraph;
      }
      // As the matcher runs: per piece, the literal gate once, then each group's Sets and rules.
      std::vector<char> literal;
      for (Scope scope : {Scope::sentence, Scope::paragraph}) {
        auto scan = [&](std::uint32_t b, std::uint32_t e) {
          const std::string_view piece = std::string_view(text).substr(b, e - b);
          double t0 = cpu_now();
          rules.literal_candidates(piece, literal);
          gate.seconds += cpu_now() - t0;
          ++gate.calls;
          for (int t = 0; t < kRecordTypes; ++t) {
            const auto& g = rules.group(static_cast<RecordType>(t), scope);
            if (g.rules.empty()) continue;
            auto& set_cost = per_set[fmt_group(static_cast<RecordType>(t), scope)];
            double t1 = cpu_now();
            g.may_match(piece, hits, &literal);
            set_cost.seconds += cpu_now() - t1;
            ++set_cost.calls;
            for (int h : hits) {
              found.clear();
              double t2 = cpu_now();
              matcher.match_rule(*g.rules[h], text, b, e, found);
              auto& c = per_rule[g.rules[h]];
              c.seconds += cpu_now() - t2;
              ++c.calls;
              c.found += static_cast<long long>(found.size());
            }
          }
        };
        if (scope == Scope::sentence)
          for (const auto& s : sentences) scan(s.begin, s.end);
        else
          for (const auto& [b, e] : paragraphs) scan(b, e);
      }
    }
    double total_rules = 0, total_sets = 0;
    for (const auto& [r, c] : per_rule) total_rules += c.seconds;
    for (const auto& [g, c] : per_set) total_sets += c.seconds;
    std::printf("%zu documents, %.2f MB; literal gate %.2f s CPU, RE2::Set scans %.2f s CPU, rules %.2f s CPU\n",
                raw.size(), bytes / 1e6, gate.seconds, total_sets, total_rules);
    std::printf("literal gate: %zu literals; %zu of %zu rules need one\n", rules.literal_gate().literals(),
                rules.literal_gate().gated_rules(), rules.rules().size());
    std::printf("\n%-12s %10s %9s\n", "set", "seconds", "calls");
    for (const auto& [g, c] : per_set) std::printf("%-12s %10.3f %9lld\n", g.c_str(), c.seconds, c.calls);
    std::vector<std::pair<const Rule*, Cost>> sorted(per_rule.begin(), per_rule.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.seconds > b.second.seconds; });
    std::printf("\n%-36s %8s %6s %9s %8s %9s\n", "rule", "seconds", "share", "calls", "found", "prog size");
    for (int i = 0; i < top && i < static_cast<int>(sorted.size()); ++i) {
      const auto& [r, c] = sorted[i];
      std::printf("%-36s %8.3f %5.1f%% %9lld %8lld %9d\n", r->id.c_str(), c.seconds, 100 * c.seconds / total_rules,
                  c.calls, c.found, r->re->ProgramSize());
    }
  } catch (const RuleError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
