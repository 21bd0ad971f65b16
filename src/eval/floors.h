#pragma once
// eval floors: `--min-f1 TYPE=X` checks for CI.
// In:  floor specs as written on the command line or in a floors file ("person=0.8", "all=0.7";
//      `all` is the micro-average over the scored types), and a Report.
// Out: one message per floor the report falls below. Floors apply to relaxed F1: the figure that
//      moves when a rule starts or stops finding something, not when a boundary shifts by a word.
#include <stdexcept>
#include <string>
#include <vector>

#include "eval/scorer.h"

namespace claimx::eval {

struct Floor {
  int type = -1;  // a RecordType index, or -1 for `all`
  double min_f1 = 0;
  std::string label;  // as written: "person", "all"
};

// Throws std::invalid_argument with a message for a malformed spec or an unknown type.
Floor parse_floor(const std::string& spec);

// Messages for the floors `report` does not reach (a floor on a type that was not scored fails too).
std::vector<std::string> floor_failures(const Report& report, const std::vector<Floor>& floors);

}  // namespace claimx::eval
