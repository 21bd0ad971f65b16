// Ceiling 2: claimx's own rules reduced to their prefilter. Every compiled RE2::Set of the rules
// (one per record type and scope, the very objects claimx matches with) scans each whole file
// once; nothing is extracted. Usage: bench_set_ceiling FILE-LIST [REPEAT] [RULES-DIR]
#include <cstdlib>
#include <iostream>

#include "bench_util.h"
#include "match/rule_set.h"

using namespace claimx;
using namespace claimx::bench;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_set_ceiling FILE-LIST [REPEAT] [RULES-DIR]\n";
    return 2;
  }
  const auto docs = read_listed_files(argv[1]);
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  try {
    RuleSet rules = argc > 3 ? RuleSet::load_dir(argv[3]) : RuleSet::load_embedded();
    std::vector<const RE2::Set*> sets;
    for (int t = 0; t < kRecordTypes; ++t)
      for (Scope s : {Scope::sentence, Scope::paragraph})
        for (const auto& p : rules.group(static_cast<RecordType>(t), s).sets) sets.push_back(p.set.get());
    long long hits = 0;
    std::vector<int> found;
    Timing t = best_of(repeat, [&] {
      hits = 0;
      for (const auto& d : docs)
        for (const RE2::Set* set : sets) {
          found.clear();
          if (set->Match(re2::StringPiece(d.data(), d.size()), &found)) hits += static_cast<long long>(found.size());
        }
    });
    print_result("re2-set-of-rules", docs.size(), total_bytes(docs), t, hits);
    std::fprintf(stderr, "bench_set_ceiling: %zu rules in %zu sets\n", rules.rules().size(), sets.size());
  } catch (const RuleError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
