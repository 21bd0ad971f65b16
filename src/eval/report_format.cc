#include "eval/report_format.h"

#include <cmath>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace claimx::eval {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string num(std::optional<double> v) { return v ? fmt::format("{:.3f}", *v) : "-"; }

std::string counts_cells(const Counts& c) {
  return fmt::format("{:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", c.tp, c.fp, c.fn, num(c.precision()), num(c.recall()),
                     num(c.f1()));
}

std::string row(const std::string& label, const std::string& gold, const std::string& optional, const Counts& relaxed,
                const Counts& strict) {
  return fmt::format("{:<15}{:>6} {:>5} | {} | {}\n", label, gold, optional, counts_cells(relaxed),
                     counts_cells(strict));
}

std::string ratio_row(const std::string& label, const Ratio& r, const std::string& extra = "") {
  return fmt::format("{:<23}{:>6} {:>7}{}\n", label, num(r.value()), fmt::format("{}/{}", r.correct, r.total),
                     extra.empty() ? "" : "   " + extra);
}

std::string value_of(const EvalRecord& r) { return r.value.empty() ? "null" : r.value; }

std::string speaker_of(const EvalRecord& r) {
  if (!r.speaker) return "null";
  const auto& s = *r.speaker;
  std::string out = fmt::format("\"{}\"", s.text);
  if (!s.name.empty() && s.name != s.text) out += fmt::format(" ({})", s.name);
  if (s.span) out += fmt::format(" [{},{})", s.span->begin, s.span->end);
  return out;
}

std::string span_text(const EvalRecord& r) { return fmt::format("[{},{}) \"{}\"", r.span.begin, r.span.end, r.text); }

// What an error adds to its record: the expected and the extracted values that differ.
std::string error_detail(const EvalError& e) {
  bool date = e.type == RecordType::date, claim = e.type == RecordType::claim;
  switch (e.kind) {
    case ErrorKind::missed:
      if (date) return "expected value " + value_of(*e.gold);
      if (claim) return "expected speaker " + speaker_of(*e.gold);
      return {};
    case ErrorKind::spurious:
      if (date) return "got value " + value_of(*e.predicted);
      if (claim) return "got speaker " + speaker_of(*e.predicted);
      return {};
    case ErrorKind::boundary:
      return "got " + span_text(*e.predicted);
    case ErrorKind::value:
      return fmt::format("expected value {}, got {}", value_of(*e.gold), value_of(*e.predicted));
    case ErrorKind::speaker:
      return fmt::format("expected speaker {}, got {}", speaker_of(*e.gold), speaker_of(*e.predicted));
  }
  return {};
}

void write_string(JsonWriter& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_number(JsonWriter& w, std::optional<double> v) {
  if (!v) w.Null();
  else w.Double(std::round(*v * 10000) / 10000);  // 4 decimals: stable, readable output
}

void write_counts(JsonWriter& w, const char* key, const Counts& c) {
  w.Key(key);
  w.StartObject();
  w.Key("tp");
  w.Uint64(c.tp);
  w.Key("fp");
  w.Uint64(c.fp);
  w.Key("fn");
  w.Uint64(c.fn);
  w.Key("precision");
  write_number(w, c.precision());
  w.Key("recall");
  write_number(w, c.recall());
  w.Key("f1");
  write_number(w, c.f1());
  w.EndObject();
}

void write_ratio(JsonWriter& w, const char* key, const Ratio& r) {
  w.Key(key);
  w.StartObject();
  w.Key("correct");
  w.Uint64(r.correct);
  w.Key("total");
  w.Uint64(r.total);
  w.Key("accuracy");
  write_number(w, r.value());
  w.EndObject();
}

void write_eval_record(JsonWriter& w, const char* key, const std::optional<EvalRecord>& r, RecordType type) {
  w.Key(key);
  if (!r) {
    w.Null();
    return;
  }
  w.StartObject();
  w.Key("text");
  write_string(w, r->text);
  w.Key("span");
  w.StartArray();
  w.Uint(r->span.begin);
  w.Uint(r->span.end);
  w.EndArray();
  if (type == RecordType::date) {
    w.Key("value");
    if (r->value.empty()) w.Null();
    else write_string(w, r->value);
  } else if (type == RecordType::claim) {
    w.Key("speaker");
    write_string(w, speaker_of(*r));
  } else if (r->has_name) {
    w.Key("name");
    write_string(w, r->name);
  }
  w.EndObject();
}

}  // namespace

std::string format_table(const Report& report) {
  std::string out = fmt::format(
      "claimx eval: {} documents in the gold, {} with extracted output, {} without (all their records count as FN); "
      "{} extracted documents not in the gold were not scored\n",
      report.gold_docs, report.scored_docs, report.gold_docs - report.scored_docs, report.ignored_docs);
  out += "relaxed: overlapping spans of the same type, paired one-to-one; strict: exact spans. "
         "Optional gold records are neither required nor false positives.\n\n";
  out += fmt::format("{:<15}{:>6} {:>5} | {:<41} | {:<41}\n", "", "", "", "relaxed", "strict");
  std::string heads = fmt::format("{:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "TP", "FP", "FN", "P", "R", "F1");
  out += fmt::format("{:<15}{:>6} {:>5} | {} | {}\n", "type", "gold", "opt", heads, heads);
  std::size_t gold = 0, optional = 0;
  for (int t = 0; t < kScoredTypes; ++t) {
    if (!report.scored[t]) continue;
    const TypeScore& ts = report.types[t];
    gold += ts.gold;
    optional += ts.optional;
    out += row(type_name(static_cast<RecordType>(t)), std::to_string(ts.gold), std::to_string(ts.optional),
               ts.relaxed, ts.strict);
    if (static_cast<RecordType>(t) == RecordType::claim)
      out += row("claim (direct)", std::to_string(ts.direct_gold), "", ts.direct_relaxed, ts.direct_strict);
  }
  out += row("all (micro)", std::to_string(gold), std::to_string(optional), report.all_relaxed, report.all_strict);

  std::string attrs;
  for (int t = 0; t < kScoredTypes; ++t) {
    if (!report.scored[t]) continue;
    const TypeScore& ts = report.types[t];
    std::string type = type_name(static_cast<RecordType>(t));
    switch (static_cast<RecordType>(t)) {
      case RecordType::person: case RecordType::org: case RecordType::place:
        if (ts.name.total > 0) attrs += ratio_row(type + " canonical name", ts.name);
        break;
      case RecordType::date:
        attrs += ratio_row(type + " value", ts.value,
                           fmt::format("value F1 {} (P {}, R {}, TP {})", num(ts.value_f1.f1()),
                                       num(ts.value_f1.precision()), num(ts.value_f1.recall()), ts.value_f1.tp));
        attrs += ratio_row(type + " timex type", ts.timex);
        break;
      case RecordType::claim:
        attrs += ratio_row(type + " speaker", ts.speaker);
        if (ts.direct_speaker.total > 0) attrs += ratio_row(type + " speaker (direct)", ts.direct_speaker);
        attrs += ratio_row(type + " cue", ts.cue);
        break;
      default:
        break;
    }
  }
  if (!attrs.empty())
    out += fmt::format("\n{:<23}{:>6} {:>7}\n{}", "on relaxed matches", "acc", "right", attrs);
  if (report.duplicate_docs > 0)
    out += fmt::format("\nwarning: {} document ids appeared twice; only the first was scored\n", report.duplicate_docs);
  if (report.gold_text_mismatches > 0)
    out += fmt::format("\nwarning: {} gold records' text is not the article's text at their span; first: {}\n",
                       report.gold_text_mismatches, report.first_gold_text_mismatch);
  return out;
}

std::string format_errors(const Report& report) {
  std::string out;
  for (const auto& e : report.errors) {
    const EvalRecord& r = e.gold ? *e.gold : *e.predicted;
    std::string detail = error_detail(e);
    out += fmt::format("{} {} {:<7} {}{}\n", e.doc, type_name(e.type), error_kind_name(e.kind), span_text(r),
                       detail.empty() ? "" : "  " + detail);
    if (!e.context.empty()) out += "    " + e.context + "\n";
  }
  out += fmt::format("{} errors (FN: gold not found; FP: found, not in the gold; span: found with other boundaries; "
                     "value, speaker: found, attribute wrong)\n\n",
                     report.errors.size());
  return out;
}

std::string format_json(const Report& report, bool with_errors) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("docs");
  w.StartObject();
  w.Key("gold");
  w.Uint64(report.gold_docs);
  w.Key("scored");
  w.Uint64(report.scored_docs);
  w.Key("gold_without_output");
  w.Uint64(report.gold_docs - report.scored_docs);
  w.Key("not_in_gold");
  w.Uint64(report.ignored_docs);
  w.EndObject();
  w.Key("types");
  w.StartObject();
  for (int t = 0; t < kScoredTypes; ++t) {
    if (!report.scored[t]) continue;
    const TypeScore& ts = report.types[t];
    const auto type = static_cast<RecordType>(t);
    w.Key(type_name(type));
    w.StartObject();
    w.Key("gold");
    w.Uint64(ts.gold);
    w.Key("optional");
    w.Uint64(ts.optional);
    write_counts(w, "relaxed", ts.relaxed);
    write_counts(w, "strict", ts.strict);
    if (type == RecordType::date) {
      write_ratio(w, "value_accuracy", ts.value);
      write_counts(w, "value", ts.value_f1);
      write_ratio(w, "timex_accuracy", ts.timex);
    } else if (type == RecordType::claim) {
      write_ratio(w, "speaker_accuracy", ts.speaker);
      write_ratio(w, "cue_accuracy", ts.cue);
      w.Key("direct");
      w.StartObject();
      w.Key("gold");
      w.Uint64(ts.direct_gold);
      write_counts(w, "relaxed", ts.direct_relaxed);
      write_counts(w, "strict", ts.direct_strict);
      write_ratio(w, "speaker_accuracy", ts.direct_speaker);
      w.EndObject();
    } else {
      write_ratio(w, "name_accuracy", ts.name);
    }
    w.EndObject();
  }
  w.EndObject();
  w.Key("all");
  w.StartObject();
  write_counts(w, "relaxed", report.all_relaxed);
  write_counts(w, "strict", report.all_strict);
  w.EndObject();
  w.Key("gold_text_mismatches");
  w.Uint64(report.gold_text_mismatches);
  if (with_errors) {
    w.Key("errors");
    w.StartArray();
    for (const auto& e : report.errors) {
      w.StartObject();
      w.Key("doc");
      write_string(w, e.doc);
      w.Key("type");
      w.String(type_name(e.type));
      w.Key("kind");
      w.String(error_kind_name(e.kind));
      write_eval_record(w, "gold", e.gold, e.type);
      write_eval_record(w, "predicted", e.predicted, e.type);
      w.Key("context");
      write_string(w, e.context);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace claimx::eval
