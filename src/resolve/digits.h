#pragma once
// Reading the digit runs that date rules capture ("2019", "05").
#include <algorithm>
#include <cctype>
#include <string_view>

namespace claimx {

inline bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The value of a run of ASCII digits (check it with digits() first).
inline int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace claimx
