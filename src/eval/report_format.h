#pragma once
// eval output: a Report -> text for people or JSON for programs.
// In:  the Report of a Scorer.
// Out: an aligned table (one row per scored type, relaxed and strict side by side, then the
//      attribute accuracies); an error list for rule authors (each FN, FP, boundary, value and
//      speaker error with its context, sorted by document then span); or one JSON object holding
//      everything (errors included only when asked).
#include <string>

#include "eval/scorer.h"

namespace claimx::eval {

std::string format_table(const Report& report);
std::string format_errors(const Report& report);
std::string format_json(const Report& report, bool with_errors);

}  // namespace claimx::eval
