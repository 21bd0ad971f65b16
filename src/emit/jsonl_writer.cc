#include "emit/json_record.h"

namespace claimx {

namespace {

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(EmitOptions o) : opt_(o) {}
  void write(const ExtractedDocument& doc, std::string& out, EmitCounts& counts) const override {
    rapidjson::StringBuffer sb;
    if (!doc.error.empty()) {
      JsonWriter w(sb);
      write_error(w, doc);
      out.append(sb.GetString(), sb.GetSize());
      out += '\n';
      ++counts.errors;
      return;
    }
    for (const auto& r : doc.records) {
      sb.Clear();
      JsonWriter w(sb);
      write_record(w, r, doc, opt_, true);
      out.append(sb.GetString(), sb.GetSize());
      out += '\n';
      ++counts.by_type[static_cast<int>(r.type)];
    }
  }

 private:
  EmitOptions opt_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(EmitOptions options) { return std::make_unique<JsonlWriter>(options); }

}  // namespace claimx
