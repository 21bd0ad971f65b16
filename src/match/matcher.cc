#include "match/matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "match/word_list.h"

namespace claimx {

namespace {

// Rules run on at most this many bytes at once. A claim's content runs to the end of its sentence,
// so each match scans the rest of it: on a sentence of n bytes with a claim cue every few words
// that is n^2 work (a 200 KB run-on sentence took 20 s). No real sentence or paragraph comes near
// this size; a longer one is matched window by window, cut at spaces.
constexpr std::uint32_t kMaxPiece = 16384;

bool is_word_cp(UChar32 c) {
  if (c < 0x80) return std::isalnum(c) != 0;
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c) ||
         (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// The layer a type competes in during overlap resolution.
int layer(RecordType t) {
  switch (t) {
    case RecordType::person: case RecordType::org: case RecordType::place: return 0;
    case RecordType::date: return 1;
    case RecordType::claim: return 2;
    case RecordType::fact: return 3;
    default: return 4;
  }
}

}  // namespace

bool inside_word(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos >= text.size()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  UChar32 before, after;
  U8_PREV(p, 0, i, before);
  int32_t j = static_cast<int32_t>(pos);
  U8_NEXT(p, j, static_cast<int32_t>(text.size()), after);
  return before >= 0 && after >= 0 && is_word_cp(before) && is_word_cp(after);
}

namespace {

// Whether a requirement holds for a group's text (`s` null: the group did not take part).
bool requirement_holds(const Requirement& req, const re2::StringPiece& s) {
  if (!req.each_word) {
    bool in = s.data() != nullptr && req.list->contains(std::string_view(s.data(), s.size()));
    return in != req.negate;
  }
  if (s.data() == nullptr) return req.negate;
  std::string_view rest(s.data(), s.size());
  while (!rest.empty()) {
    std::size_t sp = rest.find(' ');
    std::string_view word = rest.substr(0, sp);
    if (!word.empty() && req.list->contains(word) == req.negate) return false;
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  return true;
}

}  // namespace

void Matcher::match_rule(const Rule& rule, std::string_view text, std::uint32_t begin, std::uint32_t end,
                         std::vector<Candidate>& out, MatchMemo* memo) const {
  const int ngroups = static_cast<int>(rule.group_names.size());
  std::vector<re2::StringPiece> g(ngroups);
  const re2::StringPiece piece(text.data() + begin, end - begin);
  // Most matches of a gazetteer rule ("(?P<place>...)") fail its list check: asking RE2 for the
  // match alone spares it the submatch pass, and group 1 is the match.
  auto search = [&](const re2::StringPiece& t, std::size_t from, std::size_t to, RE2::Anchor anchor) {
    if (!rule.whole_group) return rule.re->Match(t, from, to, anchor, g.data(), ngroups);
    if (!rule.re->Match(t, from, to, anchor, g.data(), 1)) return false;
    g[1] = g[0];
    return true;
  };
  // The groups now in `g`, as byte offsets into the match text.
  auto group_spans = [&]() {
    std::vector<GroupSpan> spans(ngroups);
    for (int k = 0; k < ngroups; ++k)
      if (g[k].data() != nullptr)
        spans[k] = {static_cast<std::int32_t>(g[k].data() - text.data()),
                    static_cast<std::int32_t>(g[k].data() - text.data() + g[k].size())};
    return spans;
  };
  // Searches on the piece itself (not on a masked copy) are shared with the other rules of the pattern.
  auto match = [&](const re2::StringPiece& t, std::size_t from, std::size_t to, RE2::Anchor anchor) {
    if (memo == nullptr || !rule.shares_pattern || t.data() != piece.data()) return search(t, from, to, anchor);
    const MatchMemo::Key key{rule.re.get(), begin, end, static_cast<std::uint32_t>(begin + from),
                             static_cast<std::uint32_t>(begin + to), static_cast<int>(anchor)};
    auto [it, inserted] = memo->searches.try_emplace(key);
    auto& result = it->second;
    if (inserted) {
      result.found = search(t, from, to, anchor);
      if (result.found) result.groups = group_spans();
    } else if (result.found) {
      for (int k = 0; k < ngroups; ++k)
        g[k] = result.groups[k].present()
                   ? re2::StringPiece(text.data() + result.groups[k].begin, result.groups[k].end - result.groups[k].begin)
                   : re2::StringPiece();
    }
    return result.found;
  };
  // Word boundaries and `require:` lists, for the match now in `g`.
  auto acceptable = [&]() {
    const std::size_t b = begin + (g[0].data() - piece.data()), e = b + g[0].size();
    if (rule.boundaries && e > b && (inside_word(text, b) || inside_word(text, e))) return false;
    for (const auto& req : rule.requirements)
      if (!requirement_holds(req, g[req.group])) return false;
    return true;
  };
  // `retry: GROUP`: when GROUP fails a `require:` check, match again from the same start on a copy of
  // the text with GROUP's letters masked, so that another reading takes its place: "Some state
  // officials praised ..." first reads as speaker "Some" and cue "state" (a weak cue); with "state"
  // masked the cue is "praised" and the speaker "Some state officials". RE2 gives one reading per
  // start, and the checks come after it. At most three words are masked.
  std::string masked;
  auto retried = [&](std::size_t mb) {
    if (rule.retry_group < 0) return false;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const re2::StringPiece t = g[rule.retry_group];
      if (t.data() == nullptr) return false;
      bool fails = false;
      for (const auto& req : rule.requirements)
        fails = fails || (req.group == rule.retry_group && !requirement_holds(req, t));
      if (!fails) return false;
      if (attempt == 0) masked.assign(piece.data(), piece.size());
      const std::size_t off = t.data() - piece.data();
      for (std::size_t i = off; i < off + t.size(); ++i)
        if (masked[i] != ' ') masked[i] = 'x';
      const re2::StringPiece mp(masked);
      if (!match(mp, mb, mp.size(), RE2::ANCHOR_START)) return false;
      for (auto& x : g)
        if (x.data() != nullptr) x = re2::StringPiece(piece.data() + (x.data() - mp.data()), x.size());
      if (acceptable()) return true;
    }
    return false;
  };
  // `shrink: true`: drop the match's last word, then the one before..., until the rule's pattern,
  // anchored at both ends, matches what is left and that passes. Gives the longest acceptable
  // prefix ("New York City Council" -> "New York City" when only that is listed).
  auto shrunk = [&](std::size_t mb, std::size_t me) {
    while (true) {
      std::size_t cut = me;
      while (cut > mb && piece[cut - 1] != ' ') --cut;  // start of the last word
      while (cut > mb && piece[cut - 1] == ' ') --cut;  // and the spaces before it
      if (cut <= mb) return false;
      me = cut;
      if (match(piece, mb, me, RE2::ANCHOR_BOTH) && acceptable()) return true;
    }
  };
  auto next_code_point = [&](std::size_t at) {
    std::size_t next = at + 1;
    while (next < piece.size() && (static_cast<unsigned char>(piece[next]) & 0xC0) == 0x80) ++next;
    return next;
  };
  std::size_t pos = 0;
  while (pos <= piece.size()) {
    if (!match(piece, pos, piece.size(), RE2::UNANCHORED)) break;
    const std::size_t mb = g[0].data() - piece.data();
    // A match that starts inside a word is never taken, nor is a retry or a shorter match from the
    // same start; nor any match starting further inside that word. Look again from its end: a
    // pattern that may start with a lowercase word ("in Paris") otherwise finds one match per
    // letter of every word before a capital.
    if (rule.boundaries && !g[0].empty() && inside_word(text, begin + mb)) {
      pos = next_code_point(mb);
      while (pos < piece.size() && inside_word(text, begin + pos)) pos = next_code_point(pos);
      continue;
    }
    if (!acceptable() && !retried(mb) && !(rule.shrink && shrunk(mb, mb + g[0].size()))) {
      pos = next_code_point(mb);  // look again from one code point past this match's start
      continue;
    }
    const std::size_t me = mb + g[0].size();
    Candidate c;
    c.rule = &rule;
    c.groups = group_spans();
    const auto& span = c.groups[rule.span_group];
    if (span.present()) {
      c.begin = span.begin;
      c.end = span.end;
    } else {
      c.begin = static_cast<std::uint32_t>(begin + mb);
      c.end = static_cast<std::uint32_t>(begin + me);
    }
    // Look again from the end of the record's span when the match runs on past it: a claim's
    // trailing context ("..., but she said that ...") can hold the next claim of the same rule.
    const std::size_t span_end = c.end - begin;
    out.push_back(std::move(c));
    const std::size_t resume = span_end > mb && span_end < me ? span_end : me;
    pos = resume == mb ? next_code_point(mb) : resume;
  }
}

namespace {

// A sentence or paragraph of one of the documents given to Matcher::run (or a window of one).
struct Piece {
  std::uint32_t doc, begin, end;
};

// The pieces of every document for one scope, in document order; a piece longer than kMaxPiece is
// cut into windows at spaces.
void pieces_of(const std::vector<MatchDocument>& docs, Scope scope, std::vector<Piece>& pieces) {
  pieces.clear();
  for (std::uint32_t d = 0; d < docs.size(); ++d) {
    const std::string_view text = docs[d].text;
    auto add_windows = [&](std::uint32_t b, std::uint32_t e) {
      while (e - b > kMaxPiece) {
        std::uint32_t cut = b + kMaxPiece;
        while (cut > b + kMaxPiece / 2 && text[cut] != ' ') --cut;
        if (text[cut] != ' ')  // no space in the second half: cut at a code point boundary
          for (cut = b + kMaxPiece; (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; --cut) {}
        pieces.push_back({d, b, cut});
        b = cut;
      }
      pieces.push_back({d, b, e});
    };
    const auto& sentences = *docs[d].sentences;
    if (scope == Scope::sentence) {
      for (const auto& s : sentences) add_windows(s.begin, s.end);
      continue;
    }
    // Paragraphs as byte ranges, from the sentences that make them up.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> paragraphs;
    for (const auto& s : sentences) {
      if (paragraphs.size() <= s.paragraph) paragraphs.resize(s.paragraph + 1, {s.begin, s.end});
      paragraphs[s.paragraph].second = s.end;
    }
    for (const auto& [b, e] : paragraphs) add_windows(b, e);
  }
}

}  // namespace

std::vector<Candidate> Matcher::run(std::string_view text, const std::vector<Sentence>& sentences,
                                    TypeMask types) const {
  return std::move(run(std::vector<MatchDocument>{{text, &sentences}}, types).front());
}

std::vector<std::vector<Candidate>> Matcher::run(const std::vector<MatchDocument>& docs, TypeMask types) const {
  std::vector<std::vector<Candidate>> found(docs.size());
  // The groups that run: boilerplate always, since claims need it even when only names are asked for.
  std::vector<const RuleSet::Group*> groups[2];
  for (int t = 0; t < kRecordTypes; ++t) {
    const auto type = static_cast<RecordType>(t);
    if (!types.has(type) && type != RecordType::boilerplate) continue;
    for (Scope scope : {Scope::sentence, Scope::paragraph})
      if (const auto& group = rules_.group(type, scope); !group.rules.empty())
        groups[static_cast<int>(scope)].push_back(&group);
  }
  // The order of the work changes no result: each rule's candidates are the same whenever it
  // runs, and resolve_overlaps orders them by rule and position.
  if (backward_)
    for (auto& g : groups) std::reverse(g.begin(), g.end());
  // Work goes Set by Set and rule by rule over all the pieces of a scope, in all the documents, not
  // piece by piece: each Set and rule has its own lazy DFA, and a piece-by-piece walk through ~140
  // of them evicts each one's states from the CPU caches before it is used again.
  std::vector<Piece> pieces;
  std::vector<std::vector<char>> literal;
  std::vector<std::vector<int>> hits;            // piece -> rules of the group that may match it
  std::vector<std::vector<std::uint32_t>> where;  // rule of the group -> pieces it may match
  std::vector<MatchMemo> memos(docs.size());
  for (Scope scope : {Scope::sentence, Scope::paragraph}) {
    const auto& run_groups = groups[static_cast<int>(scope)];
    if (run_groups.empty()) continue;
    pieces_of(docs, scope, pieces);
    auto piece_text = [&](std::size_t i) {
      return docs[pieces[i].doc].text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
    };
    if (literal.size() < pieces.size()) literal.resize(pieces.size());
    if (hits.size() < pieces.size()) hits.resize(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) rules_.literal_candidates(piece_text(i), literal[i]);
    for (const auto* group : run_groups) {
      for (std::size_t i = 0; i < pieces.size(); ++i) hits[i].clear();
      for (std::size_t k = 0; k < group->sets.size(); ++k)
        for (std::size_t i = 0; i < pieces.size(); ++i) group->set_may_match(k, piece_text(i), hits[i], &literal[i]);
      where.resize(group->rules.size());
      for (auto& w : where) w.clear();  // keeps the lists' memory from one group to the next
      for (std::size_t i = 0; i < pieces.size(); ++i)
        for (int h : hits[i]) where[h].push_back(static_cast<std::uint32_t>(i));
      for (std::size_t k = 0; k < where.size(); ++k) {
        const std::size_t r = backward_ ? where.size() - 1 - k : k;
        for (std::uint32_t i : where[r]) {
          const Piece& p = pieces[i];
          match_rule(*group->rules[r], docs[p.doc].text, p.begin, p.end, found[p.doc], &memos[p.doc]);
        }
      }
    }
  }
  for (std::size_t d = 0; d < docs.size(); ++d) {
    found[d] = resolve_overlaps(std::move(found[d]), docs[d].text);
    const auto& sentences = *docs[d].sentences;
    for (auto& c : found[d]) {
      const auto it = sentence_at(sentences, c.begin);
      c.sentence = it == sentences.end() ? 0 : static_cast<std::uint32_t>(it - sentences.begin());
    }
  }
  return found;
}

namespace {

// Cuts `c` back to end at the last word that ends before byte `limit`; groups past the new end are
// dropped, groups across it are cut. False when no word is left.
bool cut_before(Candidate& c, std::uint32_t limit, std::string_view text) {
  std::uint32_t end = limit;
  if (end > c.begin && text[end - 1] != ' ')  // the better match starts inside a word: drop that word
    while (end > c.begin && text[end - 1] != ' ') --end;
  while (end > c.begin && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  if (end <= c.begin) return false;
  for (auto& g : c.groups) {
    if (!g.present()) continue;
    if (static_cast<std::uint32_t>(g.begin) >= end) g = {};
    else if (static_cast<std::uint32_t>(g.end) > end) g.end = static_cast<std::int32_t>(end);
  }
  c.end = end;
  return true;
}

}  // namespace

std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates, std::string_view text) {
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = candidates[a];
    const auto& y = candidates[b];
    if (x.rule->priority != y.rule->priority) return x.rule->priority > y.rule->priority;
    if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
    if (x.rule->order != y.rule->order) return x.rule->order < y.rule->order;
    return x.begin < y.begin;
  });
  // Accepted spans per layer, keyed by begin.
  std::map<std::uint32_t, std::uint32_t> taken[5];
  std::vector<Candidate> out;
  for (std::size_t i : order) {
    auto& c = candidates[i];
    auto& spans = taken[layer(c.rule->type)];
    auto it = spans.upper_bound(c.begin);
    bool overlaps = false;
    if (it != spans.begin() && std::prev(it)->second > c.begin) overlaps = true;
    if (!overlaps && it != spans.end() && it->first < c.end) {
      // `cut: true`: a match that runs into a better one keeps the words before it
      // ("Talbrook West Meets Kevin" before "Dennis Pellow" keeps "Talbrook West").
      overlaps = !(c.rule->cut && cut_before(c, it->first, text));
    }
    if (c.begin == c.end) overlaps = true;  // an empty record span is never useful
    if (overlaps) continue;
    spans.emplace(c.begin, c.end);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.rule->order < b.rule->order;
  });
  return out;
}

}  // namespace claimx
