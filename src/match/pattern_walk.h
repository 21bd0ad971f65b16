#pragma once
// Reading RE2 pattern text without compiling it: the rule loader expands macros and builds prefilter
// patterns this way, and the literal gate finds the words a pattern cannot match without.
#include <string>
#include <string_view>
#include <vector>

namespace claimx {

// The piece of an RE2 pattern at p[i] that is copied whole, never read for macros, repetitions or
// the end of a class: an escape (`\.`, `\p{Lu}`, `\x{E9}`), a class opening (`[`, `[^`, and a `]`
// right after it, which is literal) or, inside a class, a POSIX class (`[:alpha:]`). Its length is
// 0 at any other character. Everything that walks patterns here goes through it.
struct Atom {
  std::size_t len = 0;
  bool opens_class = false;
};
Atom atom_at(std::string_view p, std::size_t i, bool in_class);

// The index of the parenthesis closing the group that opens at p[open], or npos.
std::size_t group_end(std::string_view p, std::size_t open);

// Whether `p` can match ASCII text only: no byte over 0x7F, no `.`, no negated class, no
// \p \P \x \C \Q \S \W \D, no flag group (case folding pairs "k" with the Kelvin sign).
bool matches_ascii_only(std::string_view p);

// Lowercased ASCII literals of at least `min_len` bytes one of which every match of `p` contains,
// as written in the text up to ASCII case; empty when the pattern gives no such set (a run of
// letter classes). Read from required parts only: a literal run ("according to"), or a group that
// is not optional and whose branches each require one ("(?P<cue>said|told|wrote)"). Conservative:
// anything it does not understand (`\Q`, a non-ASCII literal) counts as requiring nothing.
std::vector<std::string> required_literals(std::string_view p, std::size_t min_len = 3);

}  // namespace claimx
