#include "render/render_input.h"

#include <rapidjson/document.h>

namespace claimx::render {

namespace {

using Value = rapidjson::Value;

std::string str(const Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool span_of(const Value& obj, CodePointSpan& out) {
  auto it = obj.FindMember("span");
  if (it == obj.MemberEnd() || !it->value.IsArray() || it->value.Size() != 2 || !it->value[0].IsUint() ||
      !it->value[1].IsUint() || it->value[0].GetUint() > it->value[1].GetUint())
    return false;
  out = {it->value[0].GetUint(), it->value[1].GetUint()};
  return true;
}

// A nested mention object (speaker, cue, subject); absent or null gives nullopt.
std::optional<MentionField> mention(const Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsObject()) return std::nullopt;
  MentionField m;
  m.text = str(it->value, "text");
  m.name = str(it->value, "name");
  m.id = str(it->value, "id");
  m.lemma = str(it->value, "lemma");
  if (!span_of(it->value, m.span)) return std::nullopt;
  return m;
}

std::vector<DocSpan> doc_spans(const Value& obj, const char* key, const std::string& doc) {
  std::vector<DocSpan> out;
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsObject()) continue;
    DocSpan d{doc.empty() ? str(v, "doc") : doc, str(v, "text"), {}};
    if (span_of(v, d.span)) out.push_back(std::move(d));
  }
  return out;
}

void subject_of(const Value& obj, std::string& name, std::string& id) {
  auto it = obj.FindMember(obj.HasMember("speaker") ? "speaker" : "subject");
  if (it == obj.MemberEnd() || !it->value.IsObject()) return;
  name = str(it->value, "name");
  id = str(it->value, "id");
}

std::string parse_object(std::string_view line, rapidjson::Document& d) {
  d.Parse(line.data(), line.size());
  if (d.HasParseError()) return "not valid JSON";
  if (!d.IsObject()) return "not a JSON object";
  return "";
}

}  // namespace

std::string parse_record_line(std::string_view line, RenderRecord& out) {
  rapidjson::Document d;
  if (auto err = parse_object(line, d); !err.empty()) return err;
  out = RenderRecord{};
  out.doc = str(d, "doc");
  out.type = str(d, "type");
  if (out.type.empty()) return "no \"type\"";
  if (out.type == "error") {
    out.message = str(d, "message");
    return "";
  }
  if (!span_of(d, out.span)) return "no valid \"span\"";
  out.text = str(d, "text");
  out.name = str(d, "name");
  out.id = str(d, "id");
  out.kind = str(d, "kind");
  out.timex = str(d, "timex");
  out.value = str(d, "value");
  out.anchor = str(d, "anchor");
  out.mod = str(d, "mod");
  out.speaker = mention(d, "speaker");
  out.cue = mention(d, "cue");
  out.quote = str(d, "quote");
  out.hedge = str(d, "hedge");
  out.source = str(d, "source");
  auto neg = d.FindMember("negated");
  out.negated = neg != d.MemberEnd() && neg->value.IsBool() && neg->value.GetBool();
  out.subject = mention(d, "subject");
  out.attribute = str(d, "attribute");
  out.rule = str(d, "rule");
  return "";
}

std::string parse_corroboration_line(std::string_view line, CrossPanel& panel) {
  rapidjson::Document d;
  if (auto err = parse_object(line, d); !err.empty()) return err;
  const std::string type = str(d, "type");
  if (type == "entity") {
    PanelEntity e{str(d, "id"), str(d, "entity_type"), str(d, "name"), {}, {}};
    if (auto it = d.FindMember("forms"); it != d.MemberEnd() && it->value.IsArray())
      for (const auto& f : it->value.GetArray())
        if (f.IsString()) e.forms.emplace_back(f.GetString(), f.GetStringLength());
    if (auto it = d.FindMember("docs"); it != d.MemberEnd() && it->value.IsArray())
      for (const auto& doc : it->value.GetArray())
        if (doc.IsObject()) {
          std::string name = str(doc, "doc");
          e.docs.emplace_back(name, doc_spans(doc, "mentions", name));
        }
    panel.entities.push_back(std::move(e));
  } else if (type == "claim_group") {
    PanelClaimGroup g;
    g.id = str(d, "id");
    subject_of(d, g.speaker_name, g.speaker_id);
    g.text = str(d, "text");
    if (auto it = d.FindMember("doc_count"); it != d.MemberEnd() && it->value.IsUint()) g.doc_count = it->value.GetUint();
    g.claims = doc_spans(d, "claims", "");
    panel.claim_groups.push_back(std::move(g));
  } else if (type == "conflict") {
    PanelConflict c;
    subject_of(d, c.subject_name, c.subject_id);
    c.attribute = str(d, "attribute");
    if (auto it = d.FindMember("sides"); it != d.MemberEnd() && it->value.IsArray())
      for (const auto& s : it->value.GetArray()) {
        if (!s.IsObject()) continue;
        PanelConflict::Side side{str(s, "value"), {}, doc_spans(s, "figures", "")};
        if (auto docs = s.FindMember("docs"); docs != s.MemberEnd() && docs->value.IsArray())
          for (const auto& doc : docs->value.GetArray())
            if (doc.IsString()) side.docs.emplace_back(doc.GetString(), doc.GetStringLength());
        c.sides.push_back(std::move(side));
      }
    panel.conflicts.push_back(std::move(c));
  } else if (type.empty()) {
    return "no \"type\"";
  }
  return "";
}

}  // namespace claimx::render
