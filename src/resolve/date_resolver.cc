#include "resolve/date_resolver.h"

#include <algorithm>
#include <cctype>

#include "match/word_list.h"
#include "resolve/fields.h"
#include "resolve/tense.h"

namespace claimx {

namespace {

// How far into the first paragraph a dateline's date may start ("CAPE CANAVERAL, Fla., Oct. 2").
constexpr std::uint32_t kDatelineReach = 60;
// A line this short holding a complete date is a dateline of its own.
constexpr std::uint32_t kDatelineLine = 80;
// Room for " that ended on " between a period and the day it ends on.
constexpr std::uint32_t kPeriodEndGap = 16;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The text between a time and a date that makes them one point: nothing, a comma, "on", "at".
// A parenthesis between them is skipped: "10:35 a.m. (0735 GMT) Friday".
bool joins(std::string_view gap) {
  std::string g;
  int depth = 0;
  for (char c : gap) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0 && c != ' ' && c != ',' && c != '\n') g += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return depth == 0 && (g.empty() || g == "on" || g == "at" || g == "of");
}

// "the quarter ended Sept. 30": the day only says where the period just named ends, so a later "a
// year ago" steps back from the period, not from that day. (After an amount of time, "the six
// months ended Aug. 12", the day is all there is to step back from.)
bool ends_a_period(std::string_view text, std::uint32_t begin) {
  std::string_view before = text.substr(0, begin);
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
  if (before.size() >= 3 && before.substr(before.size() - 3) == " on") before.remove_suffix(3);
  for (std::string_view w : {"ended", "ending", "ends", "that ended", "which ended"}) {
    if (before.size() < w.size() + 1) continue;
    if (before.substr(before.size() - w.size()) == w && before[before.size() - w.size() - 1] == ' ') return true;
  }
  return false;
}

Tense parse_tense(const std::string& s) {
  if (s == "past") return Tense::past;
  if (s == "future") return Tense::future;
  if (s == "present") return Tense::present;
  return Tense::unknown;
}

}  // namespace

std::optional<Date> dateline_date(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                                  std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> paragraphs;
  for (const auto& s : sentences) {
    if (s.paragraph > 2) break;
    if (paragraphs.size() <= s.paragraph) paragraphs.resize(s.paragraph + 1, {s.begin, s.end});
    paragraphs[s.paragraph].second = s.end;
  }
  for (const auto& c : candidates) {
    if (c.sentence >= sentences.size()) continue;
    const std::uint32_t para = sentences[c.sentence].paragraph;
    if (para >= paragraphs.size()) break;
    const auto [pb, pe] = paragraphs[para];
    bool placed = (para == 0 && c.begin - pb <= kDatelineReach) || pe - pb <= kDatelineLine;
    if (!placed || field_or(c, "timex", text, "DATE") != "DATE") continue;
    DateValue v = evaluate_date_value(field_or(c, "value", text, ""), std::nullopt);
    if (v.anchor != "absolute" || v.value.size() != 10) continue;
    if (auto d = parse_iso_date(v.value)) return d;
  }
  return std::nullopt;
}

std::vector<Record> DateResolver::run(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                                      std::string_view text) const {
  ValueContext base;
  base.ref = ref_;
  if (!base.ref) {
    base.ref = dateline_date(candidates, sentences, text);
    base.ref_anchor = "article";
  }
  const WordList* cues = rules_.list("tense_cues");
  std::vector<Record> out;
  out.reserve(candidates.size());
  std::vector<std::optional<ResolvedDate>> resolved(candidates.size());
  std::vector<std::string> exprs(candidates.size());
  std::vector<bool> period_ends(candidates.size());
  for (std::size_t i = 1; i < candidates.size(); ++i)
    period_ends[i] = candidates[i].begin - candidates[i - 1].end <= kPeriodEndGap && ends_a_period(text, candidates[i].begin);
  for (const auto& c : candidates) {
    Record r = base_record(c);
    r.timex = field_or(c, "timex", text, "DATE");
    r.mod = field_or(c, "mod", text, "");
    out.push_back(std::move(r));
  }

  auto resolve = [&](std::size_t i, std::optional<ResolvedDate> near) {
    const Candidate& c = candidates[i];
    ValueContext ctx = base;
    ctx.near = std::move(near);
    std::string tense = field_or(c, "tense", text, "");
    if (!tense.empty()) {
      ctx.tense = parse_tense(tense);
      ctx.tense_from_rule = true;
    } else if (exprs[i].find('~') != std::string::npos && c.sentence < sentences.size()) {
      const Sentence& s = sentences[c.sentence];
      ctx.tense = tense_around(text, s.begin, s.end, c.begin, c.end, cues);
    }
    ctx.previous = [&resolved, &period_ends, i](Grain need) -> std::optional<ResolvedDate> {
      // "the quarter" of a results report is the quarter it named last, not the quarter holding
      // a month or day mentioned since ("earlier this month", "in April").
      if (need == Grain::quarter || need == Grain::half)
        for (std::size_t k = i; k-- > 0;)
          if (resolved[k] && !resolved[k]->anaphoric && resolved[k]->period.grain == need) return resolved[k];
      for (std::size_t k = i; k-- > 0;)
        if (resolved[k] && !resolved[k]->anaphoric && resolved[k]->period.grain >= need &&
            !(period_ends[k] && resolved[k - 1] && resolved[k - 1]->period.grain < Grain::day))
          return resolved[k];
      return std::nullopt;
    };
    DateValue v = evaluate_date_value(exprs[i], ctx);
    out[i].value = v.value;
    out[i].anchor = v.anchor;
    if (!v.value.empty() && (out[i].timex == "DATE" || out[i].timex == "TIME"))
      if (auto p = parse_period(v.value)) resolved[i] = ResolvedDate{*p, v.anchor, v.anaphoric};
  };

  // Times next to a date ("5 a.m. Monday", "Jun 6, 2024 5:42pm") take that date, so they are
  // resolved after everything else.
  std::vector<std::size_t> near_ones;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    exprs[i] = field_or(candidates[i], "value", text, "");
    if (starts_with(exprs[i], "NEAR")) near_ones.push_back(i);
    else resolve(i, std::nullopt);
  }
  for (std::size_t i : near_ones) {
    const Candidate& c = candidates[i];
    std::optional<ResolvedDate> near;
    std::uint32_t best_gap = UINT32_MAX;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& o = candidates[k];
      if (k == i || !resolved[k] || resolved[k]->period.grain != Grain::day || o.sentence != c.sentence) continue;
      const std::uint32_t gb = o.end <= c.begin ? o.end : c.end, ge = o.end <= c.begin ? c.begin : o.begin;
      if (ge < gb || !joins(text.substr(gb, ge - gb)) || ge - gb >= best_gap) continue;
      best_gap = ge - gb;
      near = resolved[k];
    }
    resolve(i, near);
  }
  return out;
}

}  // namespace claimx
