#pragma once
// eval matching: pairs gold and predicted records of one type in one document.
// In:  the gold records and the predicted records (same document, same type), and the mode:
//      strict (exact span) or relaxed (overlapping spans).
// Out: one-to-one pairs plus the unpaired records on each side. Pairing is greedy over all
//      compatible (gold, prediction) pairs, best first: required gold before optional gold (so an
//      optional record never takes a prediction a required one could have had), then exact spans,
//      then the larger overlap, then the closer length, then position. A prediction paired with an
//      optional gold record is absorbed: neither a true nor a false positive.
#include <cstddef>
#include <utility>
#include <vector>

#include "eval/eval_record.h"

namespace claimx::eval {

enum class SpanMode { strict, relaxed };

struct SpanMatching {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (gold index, prediction index)
  std::vector<std::size_t> missed;     // required gold records left unpaired: false negatives
  std::vector<std::size_t> spurious;   // predictions left unpaired: false positives
  std::size_t true_positives = 0;      // pairs whose gold record is required
  std::size_t absorbed = 0;            // pairs whose gold record is optional
};

SpanMatching match_spans(const std::vector<const EvalRecord*>& gold, const std::vector<const EvalRecord*>& predicted,
                         SpanMode mode);

}  // namespace claimx::eval
