#include "source/source.h"

#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace fs = std::filesystem;

namespace claimx {

namespace {

std::string join_id(const std::string& base, const std::string& name) {
  return base.empty() ? name : base + "/" + name;
}

// A stream that does not own std::cin.
struct StdinStream : std::istream {
  StdinStream() : std::istream(std::cin.rdbuf()) {}
};

}  // namespace

unsigned shard_of(const std::string& id, unsigned count) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % count);
}

Source::Source(SourceOptions options) : opt_(std::move(options)) {
  if (opt_.paths.empty()) opt_.paths.push_back("-");
  for (auto it = opt_.paths.rbegin(); it != opt_.paths.rend(); ++it) {
    std::string id = *it == "-" ? std::string("stdin") : *it;
    stack_.push_back({*it, id, true});
  }
}

Source::~Source() = default;

bool Source::matches_glob(const std::string& name) const {
  if (opt_.globs.empty()) {
    if (opt_.format == InputFormat::jsonl) return fnmatch("*.jsonl", name.c_str(), 0) == 0;
    if (name.empty() || name[0] == '.') return false;
    auto dot = name.rfind('.');
    if (dot == std::string::npos) return true;
    std::string ext = name.substr(dot);
    return ext == ".txt" || ext == ".text";
  }
  for (const auto& g : opt_.globs)
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

bool Source::next_path(Pending& out) {
  while (!stack_.empty()) {
    Pending p = std::move(stack_.back());
    stack_.pop_back();
    if (p.path == "-") {
      out = p;
      return true;
    }
    std::error_code ec;
    auto st = fs::status(p.path, ec);
    if (ec || st.type() == fs::file_type::not_found) {
      RawDocument err;
      err.id = p.id;
      err.error = fmt::format("cannot read: {}", ec ? ec.message() : "no such file or directory");
      queued_.push_back(std::move(err));
      return false;
    }
    if (fs::is_directory(st)) {
      auto canon = fs::canonical(p.path, ec);
      if (ec) continue;
      if (!seen_dirs_.insert(canon.string()).second) continue;  // a symlink loop or a repeat
      std::vector<std::pair<std::string, bool>> entries;  // name, is_dir
      for (fs::directory_iterator it(p.path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        bool dir = it->is_directory(ec2);
        entries.emplace_back(it->path().filename().string(), dir);
      }
      if (ec) {
        RawDocument err;
        err.id = p.id;
        err.error = fmt::format("cannot list folder: {}", ec.message());
        queued_.push_back(std::move(err));
        return false;
      }
      std::sort(entries.begin(), entries.end());
      const std::string base = p.explicit_arg ? std::string() : p.id;
      for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (!it->second && !matches_glob(it->first)) continue;
        if (it->second && !it->first.empty() && it->first[0] == '.') continue;  // hidden folders
        stack_.push_back({(fs::path(p.path) / it->first).string(), join_id(base, it->first), false});
      }
      continue;
    }
    out = p;
    return true;
  }
  return false;
}

bool Source::read_text(const Pending& p, RawDocument& out) {
  out.id = p.id;
  if (p.path == "-") {
    out.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (out.bytes.size() > opt_.max_doc_bytes) {
      out.error = fmt::format("document is {} bytes, over --max-doc-bytes {}", out.bytes.size(), opt_.max_doc_bytes);
      out.bytes.clear();
    }
    return true;
  }
  std::error_code ec;
  auto size = fs::file_size(p.path, ec);
  if (!ec && size > opt_.max_doc_bytes) {
    out.error = fmt::format("document is {} bytes, over --max-doc-bytes {}", size, opt_.max_doc_bytes);
    return true;
  }
  std::ifstream in(p.path, std::ios::binary);
  if (!in) {
    out.error = fmt::format("cannot read: {}", std::strerror(errno));
    return true;
  }
  out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    out.error = fmt::format("read failed: {}", std::strerror(errno));
    out.bytes.clear();
  } else if (out.bytes.size() > opt_.max_doc_bytes) {
    out.error = fmt::format("document is {} bytes, over --max-doc-bytes {}", out.bytes.size(), opt_.max_doc_bytes);
    out.bytes.clear();
  }
  return true;
}

std::string parse_jsonl_article(const std::string& line, const std::string& fallback_id, RawDocument& out) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (d.HasParseError())
    return fmt::format("invalid JSON at column {}: {}", d.GetErrorOffset() + 1,
                       rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject()) return "a JSONL article must be a JSON object";
  out.id = fallback_id;
  if (auto it = d.FindMember("id"); it != d.MemberEnd()) {
    if (it->value.IsString()) out.id.assign(it->value.GetString(), it->value.GetStringLength());
    else if (it->value.IsInt64()) out.id = std::to_string(it->value.GetInt64());
    else return "\"id\" must be a string or an integer";
  }
  auto text = d.FindMember("text");
  if (text == d.MemberEnd()) return "missing \"text\"";
  if (!text->value.IsString()) return "\"text\" must be a string";
  out.bytes.assign(text->value.GetString(), text->value.GetStringLength());
  out.is_utf8 = true;
  if (auto it = d.FindMember("date"); it != d.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsString()) return "\"date\" must be a string (YYYY-MM-DD)";
    out.date.assign(it->value.GetString(), it->value.GetStringLength());
  }
  rapidjson::Document meta(rapidjson::kObjectType);
  for (auto& m : d.GetObject()) {
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    if (key == "id" || key == "text" || key == "date") continue;
    rapidjson::Value k(m.name, meta.GetAllocator());
    rapidjson::Value v(m.value, meta.GetAllocator());
    meta.AddMember(k, v, meta.GetAllocator());
  }
  if (meta.MemberCount() > 0) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    meta.Accept(w);
    out.meta_json.assign(sb.GetString(), sb.GetSize());
  }
  return "";
}

bool Source::next_jsonl_line(RawDocument& out) {
  std::string line;
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out = RawDocument{};
    std::string fallback = fmt::format("{}:{}", jsonl_name_, jsonl_line_);
    std::string err = parse_jsonl_article(line, fallback, out);
    if (!err.empty()) {
      out = RawDocument{};
      out.id = fallback;
      out.error = err;
    } else if (out.bytes.size() > opt_.max_doc_bytes) {
      out.error = fmt::format("document is {} bytes, over --max-doc-bytes {}", out.bytes.size(), opt_.max_doc_bytes);
      out.bytes.clear();
    }
    return true;
  }
  jsonl_.reset();
  return false;
}

bool Source::next(RawDocument& out) {
  for (;;) {
    if (!queued_.empty()) {
      out = std::move(queued_.front());
      queued_.erase(queued_.begin());
      if (!in_shard(out.id)) continue;
      out.ordinal = ordinal_++;
      return true;
    }
    if (jsonl_) {
      if (next_jsonl_line(out)) {
        if (!in_shard(out.id)) continue;
        out.ordinal = ordinal_++;
        return true;
      }
      continue;
    }
    Pending p;
    if (!next_path(p)) {
      if (!queued_.empty()) continue;
      return false;
    }
    if (opt_.format == InputFormat::jsonl) {
      jsonl_name_ = p.path == "-" ? std::string("stdin") : p.path;
      jsonl_line_ = 0;
      if (p.path == "-") {
        jsonl_ = std::make_unique<StdinStream>();
      } else {
        auto f = std::make_unique<std::ifstream>(p.path, std::ios::binary);
        if (!*f) {
          out = RawDocument{};
          out.id = p.id;
          out.error = fmt::format("cannot read: {}", std::strerror(errno));
          out.ordinal = ordinal_++;
          return true;
        }
        jsonl_ = std::move(f);
      }
      continue;
    }
    if (!in_shard(p.id)) continue;
    out = RawDocument{};
    read_text(p, out);
    out.ordinal = ordinal_++;
    return true;
  }
}

}  // namespace claimx
