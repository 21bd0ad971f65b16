#include <rapidjson/document.h>

#include "emit/json_record.h"

namespace claimx {

namespace {

// {"doc":..,"meta":..,"entities":[..],"dates":[..],"claims":[..]}, or {"doc":..,"error":..}.
class PerDocWriter : public RecordWriter {
 public:
  explicit PerDocWriter(EmitOptions o) : opt_(o) {}
  void write(const ExtractedDocument& doc, std::string& out, EmitCounts& counts) const override {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    if (!doc.error.empty()) {
      write_error(w, doc);
      ++counts.errors;
    } else {
      w.StartObject();
      w.Key("doc");
      write_string(w, doc.doc);
      if (!doc.meta_json.empty()) {
        rapidjson::Document meta;
        meta.Parse(doc.meta_json.data(), doc.meta_json.size());
        w.Key("meta");
        meta.Accept(w);
      }
      auto section = [&](const char* key, auto&& wanted) {
        w.Key(key);
        w.StartArray();
        for (const auto& r : doc.records)
          if (wanted(r.type)) {
            write_record(w, r, doc, opt_, false);
            ++counts.by_type[static_cast<int>(r.type)];
          }
        w.EndArray();
      };
      section("entities", [](RecordType t) {
        return t == RecordType::person || t == RecordType::org || t == RecordType::place;
      });
      section("dates", [](RecordType t) { return t == RecordType::date; });
      section("claims", [](RecordType t) { return t == RecordType::claim; });
      w.EndObject();
    }
    out.append(sb.GetString(), sb.GetSize());
    out += '\n';
  }

 private:
  EmitOptions opt_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_per_doc_writer(EmitOptions options) { return std::make_unique<PerDocWriter>(options); }

}  // namespace claimx
