#pragma once
// One record as a JSON object, shared by the JSONL and per-document writers.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "emit/writer.h"

namespace claimx {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonWriter& w, std::string_view s);
// Writes the record; `with_doc` puts `doc` (and `meta`) first, as JSONL lines need.
void write_record(JsonWriter& w, const Record& r, const ExtractedDocument& doc, const EmitOptions& opt, bool with_doc);
void write_error(JsonWriter& w, const ExtractedDocument& doc);

}  // namespace claimx
