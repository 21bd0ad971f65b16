#include "emit/json_record.h"

#include <rapidjson/document.h>

namespace claimx {

namespace {

void write_span(JsonWriter& w, CodePointSpan s) {
  w.StartArray();
  w.Uint(s.begin);
  w.Uint(s.end);
  w.EndArray();
}

void write_nullable(JsonWriter& w, const char* key, const std::string& v) {
  w.Key(key);
  if (v.empty()) w.Null();
  else write_string(w, v);
}

// A mention inside a claim (speaker or cue): its own text and span.
void write_mention(JsonWriter& w, const MentionRef& m, const ExtractedDocument& doc, bool speaker) {
  CodePointSpan s = doc.match.to_original(m.span.begin, m.span.end);
  w.StartObject();
  w.Key("text");
  write_string(w, doc.original->slice(s));
  if (speaker) {
    write_nullable(w, "name", m.name);
    write_nullable(w, "id", m.id);
  } else {
    w.Key("lemma");
    write_string(w, m.lemma);
  }
  w.Key("span");
  write_span(w, s);
  w.EndObject();
}

void write_meta(JsonWriter& w, const ExtractedDocument& doc) {
  if (doc.meta_json.empty()) return;
  rapidjson::Document meta;
  meta.Parse(doc.meta_json.data(), doc.meta_json.size());
  if (meta.HasParseError()) return;
  w.Key("meta");
  meta.Accept(w);
}

}  // namespace

void write_string(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_record(JsonWriter& w, const Record& r, const ExtractedDocument& doc, const EmitOptions& opt, bool with_doc) {
  CodePointSpan span = doc.match.to_original(r.span.begin, r.span.end);
  w.StartObject();
  if (with_doc) {
    w.Key("doc");
    write_string(w, doc.doc);
  }
  w.Key("type");
  w.String(type_name(r.type));
  w.Key("text");
  write_string(w, doc.original->slice(span));
  w.Key("span");
  write_span(w, span);
  w.Key("sent");
  w.Uint(r.sentence);
  switch (r.type) {
    case RecordType::person: case RecordType::org: case RecordType::place:
      w.Key("name");
      write_string(w, r.name);
      w.Key("id");
      write_string(w, r.id);
      if (r.type == RecordType::place) write_nullable(w, "kind", r.kind);
      break;
    case RecordType::date:
      w.Key("timex");
      write_string(w, r.timex);
      write_nullable(w, "value", r.value);
      w.Key("anchor");
      write_string(w, r.anchor);
      if (!r.mod.empty()) {
        w.Key("mod");
        write_string(w, r.mod);
      }
      break;
    case RecordType::claim:
      w.Key("speaker");
      if (r.speaker) write_mention(w, *r.speaker, doc, true);
      else w.Null();
      w.Key("cue");
      if (r.cue) write_mention(w, *r.cue, doc, false);
      else w.Null();
      w.Key("quote");
      write_string(w, r.quote);
      write_nullable(w, "hedge", r.hedge);
      write_nullable(w, "source", r.source);
      w.Key("negated");
      w.Bool(r.negated);
      break;
    case RecordType::fact:
      w.Key("subject");
      if (r.subject) write_mention(w, *r.subject, doc, true);
      else w.Null();
      w.Key("attribute");
      write_string(w, r.attribute);
      write_nullable(w, "value", r.value);
      break;
    default:
      break;
  }
  if (opt.explain && r.rule != nullptr) {
    w.Key("rule");
    write_string(w, r.rule->id);
    w.Key("groups");
    w.StartObject();
    for (const auto& [name, s] : r.groups) {
      w.Key(name.c_str());
      write_string(w, doc.original->slice(doc.match.to_original(s.begin, s.end)));
    }
    w.EndObject();
  }
  if (with_doc) write_meta(w, doc);
  w.EndObject();
}

void write_error(JsonWriter& w, const ExtractedDocument& doc) {
  w.StartObject();
  w.Key("doc");
  write_string(w, doc.doc);
  w.Key("type");
  w.String("error");
  w.Key("message");
  write_string(w, doc.error);
  write_meta(w, doc);
  w.EndObject();
}

}  // namespace claimx
