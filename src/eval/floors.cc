#include "eval/floors.h"

#include <cstdlib>

#include <fmt/format.h>

namespace claimx::eval {

Floor parse_floor(const std::string& spec) {
  auto eq = spec.find('=');
  if (eq == std::string::npos)
    throw std::invalid_argument(fmt::format("--min-f1 {}: expected TYPE=X, e.g. person=0.8 or all=0.7", spec));
  Floor f;
  f.label = spec.substr(0, eq);
  std::string number = spec.substr(eq + 1);
  char* end = nullptr;
  f.min_f1 = std::strtod(number.c_str(), &end);
  if (number.empty() || end == nullptr || *end != '\0' || f.min_f1 < 0 || f.min_f1 > 1)
    throw std::invalid_argument(fmt::format("--min-f1 {}: `{}` is not a number between 0 and 1", spec, number));
  if (f.label == "all") return f;
  RecordType t;
  if (!parse_type(f.label, t) || t == RecordType::boilerplate)
    throw std::invalid_argument(
        fmt::format("--min-f1 {}: unknown type `{}` (person, org, place, date, claim, all)", spec, f.label));
  f.type = static_cast<int>(t);
  return f;
}

std::vector<std::string> floor_failures(const Report& report, const std::vector<Floor>& floors) {
  std::vector<std::string> out;
  for (const auto& f : floors) {
    if (f.type >= 0 && !report.scored[f.type]) {
      out.push_back(fmt::format("{}: floor {:.3f} set, but {} was not scored (--types)", f.label, f.min_f1, f.label));
      continue;
    }
    const Counts& c = f.type < 0 ? report.all_relaxed : report.types[f.type].relaxed;
    auto f1 = c.f1();
    if (!f1) {
      out.push_back(fmt::format("{}: floor {:.3f} set, but there are no gold or predicted {} records", f.label,
                                f.min_f1, f.label));
    } else if (*f1 + 1e-9 < f.min_f1) {  // an F1 equal to the floor passes despite rounding
      out.push_back(fmt::format("{}: relaxed F1 {:.3f} is below the floor {:.3f} (TP {}, FP {}, FN {})", f.label, *f1,
                                f.min_f1, c.tp, c.fp, c.fn));
    }
  }
  return out;
}

}  // namespace claimx::eval
