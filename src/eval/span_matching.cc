#include "eval/span_matching.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace claimx::eval {

SpanMatching match_spans(const std::vector<const EvalRecord*>& gold, const std::vector<const EvalRecord*>& predicted,
                         SpanMode mode) {
  struct Candidate {
    std::size_t g, p;
    bool optional, exact;
    std::uint32_t overlap, length_gap;
  };
  std::vector<Candidate> candidates;
  for (std::size_t g = 0; g < gold.size(); ++g)
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      const CpSpan& gs = gold[g]->span;
      const CpSpan& ps = predicted[p]->span;
      bool exact = gs == ps;
      // Empty spans can only match exactly (they overlap nothing).
      if (!exact && (mode == SpanMode::strict || !gs.overlaps(ps))) continue;
      std::uint32_t glen = gs.end - gs.begin, plen = ps.end - ps.begin;
      candidates.push_back({g, p, gold[g]->optional, exact, gs.overlap(ps), glen > plen ? glen - plen : plen - glen});
    }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.optional, !a.exact, -static_cast<std::int64_t>(a.overlap), a.length_gap, a.g, a.p) <
           std::make_tuple(b.optional, !b.exact, -static_cast<std::int64_t>(b.overlap), b.length_gap, b.g, b.p);
  });
  std::vector<bool> gold_used(gold.size()), pred_used(predicted.size());
  SpanMatching out;
  for (const auto& c : candidates) {
    if (gold_used[c.g] || pred_used[c.p]) continue;
    gold_used[c.g] = pred_used[c.p] = true;
    out.pairs.emplace_back(c.g, c.p);
    if (c.optional) ++out.absorbed;
    else ++out.true_positives;
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  for (std::size_t g = 0; g < gold.size(); ++g)
    if (!gold_used[g] && !gold[g]->optional) out.missed.push_back(g);
  for (std::size_t p = 0; p < predicted.size(); ++p)
    if (!pred_used[p]) out.spurious.push_back(p);
  return out;
}

}  // namespace claimx::eval
