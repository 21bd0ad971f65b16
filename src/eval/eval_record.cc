#include "eval/eval_record.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace claimx::eval {

namespace {

std::string string_field(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<CpSpan> span_field(const rapidjson::Value& obj) {
  auto it = obj.FindMember("span");
  if (it == obj.MemberEnd() || !it->value.IsArray() || it->value.Size() != 2) return std::nullopt;
  const auto& a = it->value;
  if (!a[0].IsUint() || !a[1].IsUint() || a[0].GetUint() > a[1].GetUint()) return std::nullopt;
  return CpSpan{a[0].GetUint(), a[1].GetUint()};
}

// A speaker or cue object; null, absent or not an object: nullopt.
std::optional<EvalMention> mention_field(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsObject()) return std::nullopt;
  EvalMention m;
  m.text = string_field(it->value, "text");
  m.name = string_field(it->value, "name");
  m.lemma = string_field(it->value, "lemma");
  m.span = span_field(it->value);
  return m;
}

}  // namespace

std::optional<EvalRecord> parse_eval_record(const std::string& line) {
  if (line.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError())
    throw EvalInputError(fmt::format("invalid JSON at byte {}: {}", d.GetErrorOffset(),
                                     rapidjson::GetParseError_En(d.GetParseError())));
  if (!d.IsObject()) throw EvalInputError("expected a JSON object");
  EvalRecord r;
  std::string type = string_field(d, "type");
  if (type == "error") return std::nullopt;
  if (!parse_type(type, r.type))
    throw EvalInputError(fmt::format("unknown or missing \"type\" `{}` (person, org, place, date, claim)", type));
  if (static_cast<int>(r.type) >= kScoredTypes) return std::nullopt;  // fact, boilerplate: not scored
  auto doc = d.FindMember("doc");
  if (doc == d.MemberEnd() || !doc->value.IsString()) throw EvalInputError("missing \"doc\"");
  r.doc = doc->value.GetString();
  auto span = span_field(d);
  if (!span) throw EvalInputError("missing or invalid \"span\" (expected [start, end] with start <= end)");
  r.span = *span;
  r.text = string_field(d, "text");
  auto opt = d.FindMember("optional");
  r.optional = opt != d.MemberEnd() && opt->value.IsBool() && opt->value.GetBool();
  switch (r.type) {
    case RecordType::person: case RecordType::org: case RecordType::place:
      r.has_name = d.HasMember("name") && d["name"].IsString();
      r.name = string_field(d, "name");
      break;
    case RecordType::date:
      r.timex = string_field(d, "timex");
      r.has_value = d.HasMember("value") && (d["value"].IsString() || d["value"].IsNull());
      r.value = string_field(d, "value");
      break;
    case RecordType::claim:
      r.speaker = mention_field(d, "speaker");
      r.cue = mention_field(d, "cue");
      r.quote = string_field(d, "quote");
      break;
    default:
      break;
  }
  return r;
}

void read_eval_records(std::istream& in, const std::string& name, RecordsByDoc& out) {
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    try {
      if (auto r = parse_eval_record(line)) out[r->doc].push_back(std::move(*r));
    } catch (const EvalInputError& e) {
      throw EvalInputError(fmt::format("{}:{}: {}", name, n, e.what()));
    }
  }
}

RecordsByDoc load_gold(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::follow_directory_symlink, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->path().extension() == ".jsonl" && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) throw EvalInputError(fmt::format("{}: cannot read folder: {}", path, ec.message()));
    std::sort(files.begin(), files.end());
    if (files.empty()) throw EvalInputError(fmt::format("{}: no *.jsonl gold files in this folder", path));
  } else {
    files.push_back(path);
  }
  RecordsByDoc gold;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw EvalInputError(fmt::format("{}: cannot read gold file", f.string()));
    read_eval_records(in, f.string(), gold);
  }
  return gold;
}

}  // namespace claimx::eval
