#include "eval/scorer.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <unicode/unistr.h>

namespace claimx::eval {

namespace {

std::optional<double> ratio(std::size_t num, std::size_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

std::string folded(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
  return out;
}

// Byte offset of code point `cp` in `text` (clamped to the end).
std::size_t byte_of(std::string_view text, std::size_t cp) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < cp; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

bool is_direct(const EvalRecord& r) { return r.quote == "direct"; }

std::vector<const EvalRecord*> of_type(const std::vector<EvalRecord>& records, int type, bool direct_only = false) {
  std::vector<const EvalRecord*> out;
  for (const auto& r : records)
    if (static_cast<int>(r.type) == type && (!direct_only || is_direct(r))) out.push_back(&r);
  return out;
}

void add_counts(Counts& c, const SpanMatching& m) {
  c.tp += m.true_positives;
  c.fp += m.spurious.size();
  c.fn += m.missed.size();
}

}  // namespace

std::optional<double> Counts::precision() const { return ratio(tp, tp + fp); }
std::optional<double> Counts::recall() const { return ratio(tp, tp + fn); }
std::optional<double> Counts::f1() const { return ratio(2 * tp, 2 * tp + fp + fn); }
std::optional<double> Ratio::value() const { return ratio(correct, total); }

const char* error_kind_name(ErrorKind k) {
  switch (k) {
    case ErrorKind::missed: return "FN";
    case ErrorKind::spurious: return "FP";
    case ErrorKind::boundary: return "span";
    case ErrorKind::value: return "value";
    case ErrorKind::speaker: return "speaker";
  }
  return "?";
}

bool same_speaker(const std::optional<EvalMention>& gold, const std::optional<EvalMention>& predicted) {
  if (!gold || !predicted) return !gold && !predicted;
  if (gold->span && predicted->span && gold->span->overlaps(*predicted->span)) return true;
  const std::string& g = gold->name.empty() ? gold->text : gold->name;
  const std::string& p = predicted->name.empty() ? predicted->text : predicted->name;
  return !g.empty() && folded(g) == folded(p);
}

bool same_cue(const std::optional<EvalMention>& gold, const std::optional<EvalMention>& predicted) {
  if (!gold || !predicted) return !gold && !predicted;
  if (gold->span && predicted->span && gold->span->overlaps(*predicted->span)) return true;
  if (!gold->lemma.empty() && folded(gold->lemma) == folded(predicted->lemma)) return true;
  return !gold->text.empty() && folded(gold->text) == folded(predicted->text);
}

std::string context_of(std::string_view text, CpSpan span, std::size_t width) {
  if (text.empty()) return {};
  std::size_t b = byte_of(text, span.begin), e = byte_of(text, span.end);
  std::size_t from = byte_of(text, span.begin > width ? span.begin - width : 0), to = byte_of(text, span.end + width);
  return fmt::format("{}{}«{}»{}{}", from > 0 ? "..." : "", one_line(text.substr(from, b - from)),
                     one_line(text.substr(b, e - b)), one_line(text.substr(e, to - e)), to < text.size() ? "..." : "");
}

Scorer::Scorer(const RecordsByDoc& gold, ScoreOptions options) : gold_(gold), options_(options) {
  report_.scored = options.types;
  report_.gold_docs = gold.size();
  for (const auto& [doc, records] : gold)
    for (const auto& r : records) {
      int t = static_cast<int>(r.type);
      if (!options_.types[t]) continue;
      auto& ts = report_.types[t];
      if (r.optional) ++ts.optional;
      else ++ts.gold;
      if (r.type == RecordType::claim && !r.optional && is_direct(r)) ++ts.direct_gold;
    }
}

void Scorer::add(const std::string& doc, const std::vector<EvalRecord>& predicted, std::string_view text) {
  auto it = gold_.find(doc);
  if (it == gold_.end()) {
    ++report_.ignored_docs;
    return;
  }
  if (!seen_.insert(doc).second) {
    ++report_.duplicate_docs;
    return;
  }
  ++report_.scored_docs;
  if (!text.empty())
    for (const auto& g : it->second) {
      std::size_t b = byte_of(text, g.span.begin), e = byte_of(text, g.span.end);
      if (g.text.empty() || text.substr(b, e - b) == g.text) continue;
      if (report_.gold_text_mismatches++ == 0)
        report_.first_gold_text_mismatch =
            fmt::format("{} [{},{}): gold text `{}`, article has `{}`", doc, g.span.begin, g.span.end, g.text,
                        one_line(text.substr(b, e - b)));
    }
  for (int t = 0; t < kScoredTypes; ++t)
    if (options_.types[t]) score_type(doc, t, it->second, predicted, text);
}

void Scorer::score_type(const std::string& doc, int type, const std::vector<EvalRecord>& gold_records,
                        const std::vector<EvalRecord>& predicted_records, std::string_view text) {
  auto gold = of_type(gold_records, type), pred = of_type(predicted_records, type);
  TypeScore& ts = report_.types[type];
  SpanMatching strict = match_spans(gold, pred, SpanMode::strict);
  SpanMatching relaxed = match_spans(gold, pred, SpanMode::relaxed);
  add_counts(ts.strict, strict);
  add_counts(ts.relaxed, relaxed);
  add_counts(report_.all_strict, strict);
  add_counts(report_.all_relaxed, relaxed);

  const auto rtype = static_cast<RecordType>(type);
  auto error = [&](ErrorKind kind, const EvalRecord* g, const EvalRecord* p) {
    if (!options_.collect_errors) return;
    EvalError e{kind, doc, rtype, std::nullopt, std::nullopt, context_of(text, g != nullptr ? g->span : p->span)};
    if (g != nullptr) e.gold = *g;
    if (p != nullptr) e.predicted = *p;
    report_.errors.push_back(std::move(e));
  };
  for (auto g : relaxed.missed) error(ErrorKind::missed, gold[g], nullptr);
  for (auto p : relaxed.spurious) error(ErrorKind::spurious, nullptr, pred[p]);

  std::size_t value_tp = 0;
  for (auto [gi, pi] : relaxed.pairs) {
    const EvalRecord& g = *gold[gi];
    const EvalRecord& p = *pred[pi];
    if (g.optional) continue;  // absorbed: not scored
    if (!(g.span == p.span)) error(ErrorKind::boundary, &g, &p);
    switch (rtype) {
      case RecordType::person: case RecordType::org: case RecordType::place:
        if (g.has_name) ts.name.add(g.name == p.name);
        break;
      case RecordType::date: {
        bool same_value = g.value == p.value;  // "" is null on both sides
        ts.value.add(same_value);
        value_tp += same_value ? 1 : 0;
        if (!same_value) error(ErrorKind::value, &g, &p);
        if (!g.timex.empty()) ts.timex.add(g.timex == p.timex);
        break;
      }
      case RecordType::claim: {
        bool speaker_ok = same_speaker(g.speaker, p.speaker);
        ts.speaker.add(speaker_ok);
        if (!speaker_ok) error(ErrorKind::speaker, &g, &p);
        ts.cue.add(same_cue(g.cue, p.cue));
        break;
      }
      default:
        break;
    }
  }
  if (rtype == RecordType::date) {
    // TempEval-3 value F1: precision over all predictions, recall over all required gold.
    std::size_t predicted = relaxed.true_positives + relaxed.spurious.size();
    std::size_t required = relaxed.true_positives + relaxed.missed.size();
    ts.value_f1 += Counts{value_tp, predicted - value_tp, required - value_tp};
  }
  if (rtype == RecordType::claim) {
    auto gold_direct = of_type(gold_records, type, true), pred_direct = of_type(predicted_records, type, true);
    add_counts(ts.direct_strict, match_spans(gold_direct, pred_direct, SpanMode::strict));
    const SpanMatching direct = match_spans(gold_direct, pred_direct, SpanMode::relaxed);
    add_counts(ts.direct_relaxed, direct);
    for (auto [gi, pi] : direct.pairs)
      if (!gold_direct[gi]->optional) ts.direct_speaker.add(same_speaker(gold_direct[gi]->speaker, pred_direct[pi]->speaker));
  }
}

Report Scorer::finish() {
  static const std::vector<EvalRecord> kNone;
  for (const auto& [doc, records] : gold_)
    if (!seen_.count(doc)) {
      seen_.insert(doc);  // counted as scored with no predictions: all its records are FN
      for (int t = 0; t < kScoredTypes; ++t)
        if (options_.types[t]) score_type(doc, t, records, kNone, {});
    }
  auto key = [](const EvalError& e) {
    const CpSpan& s = e.gold ? e.gold->span : e.predicted->span;
    return std::make_tuple(std::cref(e.doc), s.begin, s.end, static_cast<int>(e.type), static_cast<int>(e.kind));
  };
  std::stable_sort(report_.errors.begin(), report_.errors.end(),
                   [&](const EvalError& a, const EvalError& b) { return key(a) < key(b); });
  return std::move(report_);
}

}  // namespace claimx::eval
