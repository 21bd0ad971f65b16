#include "corroborate/report_writer.h"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace claimx {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void mention(Writer& w, const Mention& m, bool with_doc) {
  w.StartObject();
  if (with_doc) {
    w.Key("doc");
    str(w, m.doc);
  }
  w.Key("text");
  str(w, m.text);
  w.Key("span");
  w.StartArray();
  w.Uint(m.span.begin);
  w.Uint(m.span.end);
  w.EndArray();
  w.EndObject();
}

void subject(Writer& w, const std::string& name, const std::string& id) {
  if (id.empty()) {
    w.Null();
    return;
  }
  w.StartObject();
  w.Key("name");
  str(w, name);
  w.Key("id");
  str(w, id);
  w.EndObject();
}

void sides(Writer& w, const FactGroup& g) {
  w.StartArray();
  for (const auto& s : g.sides) {
    w.StartObject();
    w.Key("value");
    str(w, s.value);
    w.Key("docs");
    w.StartArray();
    for (const auto& d : s.docs) str(w, d);
    w.EndArray();
    w.Key("figures");
    w.StartArray();
    for (const auto& m : s.figures) mention(w, m, true);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void line(std::string& out, rapidjson::StringBuffer& sb) {
  out.append(sb.GetString(), sb.GetSize());
  out += '\n';
  sb.Clear();
}

std::string clip(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  return s.substr(0, cut) + "...";
}

}  // namespace

std::string corroboration_jsonl(const CorroborationReport& report) {
  std::string out;
  rapidjson::StringBuffer sb;
  for (const auto& e : report.entities) {
    Writer w(sb);
    w.StartObject();
    w.Key("type"); w.String("entity");
    w.Key("id"); str(w, e.id);
    w.Key("entity_type"); str(w, e.type);
    w.Key("name"); str(w, e.name);
    w.Key("forms");
    w.StartArray();
    for (const auto& f : e.forms) str(w, f);
    w.EndArray();
    w.Key("doc_count"); w.Uint(static_cast<unsigned>(e.docs.size()));
    w.Key("docs");
    w.StartArray();
    for (const auto& d : e.docs) {
      w.StartObject();
      w.Key("doc"); str(w, d);
      w.Key("mentions");
      w.StartArray();
      for (const auto& m : e.by_doc.at(d)) mention(w, m, false);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    line(out, sb);
  }
  for (const auto& g : report.claim_groups) {
    Writer w(sb);
    w.StartObject();
    w.Key("type"); w.String("claim_group");
    w.Key("id"); str(w, g.id);
    w.Key("speaker"); subject(w, g.speaker_name, g.speaker_id);
    w.Key("text"); str(w, g.text);
    w.Key("doc_count"); w.Uint(static_cast<unsigned>(g.docs.size()));
    w.Key("claims");
    w.StartArray();
    for (const auto& m : g.members) mention(w, m, true);
    w.EndArray();
    w.EndObject();
    line(out, sb);
  }
  for (const char* kind : {"fact", "conflict"}) {
    const bool conflicts = std::string_view(kind) == "conflict";
    for (const auto& g : report.facts) {
      if (conflicts != is_conflict(g)) continue;
      Writer w(sb);
      w.StartObject();
      w.Key("type"); w.String(kind);
      w.Key("subject"); subject(w, g.subject_name, g.subject_id);
      w.Key("attribute"); str(w, g.attribute);
      w.Key(conflicts ? "sides" : "values"), sides(w, g);
      w.EndObject();
      line(out, sb);
    }
  }
  return out;
}

std::string corroboration_table(const CorroborationReport& report, std::size_t limit) {
  std::string out;
  auto take = [&](std::size_t n) { return limit == 0 ? n : std::min(n, limit); };
  out += fmt::format("ENTITIES ({})\n", report.entities.size());
  out += fmt::format("  {:>4}  {:<7} {:<32} {}\n", "docs", "type", "name", "also written");
  for (std::size_t i = 0; i < take(report.entities.size()); ++i) {
    const auto& e = report.entities[i];
    std::string forms;
    for (const auto& f : e.forms)
      if (f != e.name) forms += (forms.empty() ? "" : ", ") + f;
    out += fmt::format("  {:>4}  {:<7} {:<32} {}\n", e.docs.size(), e.type, clip(e.name, 32), clip(forms, 60));
  }
  out += fmt::format("\nCLAIMS ({} groups)\n", report.claim_groups.size());
  out += fmt::format("  {:>4}  {:<24} {}\n", "docs", "speaker", "claim");
  for (std::size_t i = 0; i < take(report.claim_groups.size()); ++i) {
    const auto& g = report.claim_groups[i];
    out += fmt::format("  {:>4}  {:<24} {}\n", g.docs.size(), clip(g.speaker_id.empty() ? "(unattributed)" : g.speaker_name, 24),
                       clip(g.text, 80));
  }
  std::size_t conflicts = 0;
  for (const auto& g : report.facts) conflicts += is_conflict(g);
  out += fmt::format("\nCONFLICTS ({})\n", conflicts);
  for (const auto& g : report.facts) {
    if (!is_conflict(g)) continue;
    out += fmt::format("  {} — {}\n", g.subject_name, g.attribute);
    for (const auto& s : g.sides) {
      std::string docs;
      for (const auto& d : s.docs) docs += (docs.empty() ? "" : ", ") + d;
      out += fmt::format("    {:<10} {}\n", s.value, docs);
    }
  }
  return out;
}

}  // namespace claimx
