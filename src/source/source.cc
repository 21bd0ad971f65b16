#include "source/source.h"

#include "decode/decode.h"

#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Document ids come from file names, which need not be UTF-8; the output must be.
std::string utf8_id(std::string id) { return is_valid_utf8(id) ? id : to_valid_utf8(id); }

std::string too_large(std::uint64_t size, std::uint64_t limit) {
  return fmt::format("document is {} bytes, over --max-doc-bytes {}", size, limit);
}

// Reads at most `limit + 1` bytes, so that an endless or huge stream (stdin, a pipe, a device, a
// file that grows while it is read) is cut off at the limit instead of filling memory first.
// Returns false on a read error.
bool read_bounded(std::istream& in, std::uint64_t limit, std::string& out) {
  out.clear();
  constexpr std::size_t kChunk = 1 << 20;
  while (in && out.size() <= limit) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, limit + 1 - out.size()));
    const std::size_t old = out.size();
    out.resize(old + want);
    in.read(out.data() + old, static_cast<std::streamsize>(want));
    out.resize(old + static_cast<std::size_t>(in.gcount()));
  }
  // A document is read into 1 MiB steps; it is held until its chunk is extracted (run_batch), and
  // 64 documents of a few KB each holding 1 MiB made 64 MB.
  out.shrink_to_fit();
  return !in.bad();
}

// A JSON string as UTF-8. RapidJSON validates raw bytes, but writes an escaped lone surrogate
// ("\udc00") as the three bytes of a surrogate, which are not UTF-8: those become U+FFFD, as the
// decode stage does for broken bytes in a text file.
std::string json_string(const rapidjson::Value& v) {
  std::string s(v.GetString(), v.GetStringLength());
  return is_valid_utf8(s) ? s : to_valid_utf8(s);
}

enum class LineRead { ok, end, too_long };

// std::getline with a cap: a line longer than `cap` bytes is skipped to its end (never held in
// memory whole) and reported as too long, with `length` its full size.
LineRead read_line_capped(std::istream& in, std::size_t cap, std::string& line, std::uint64_t& length) {
  line.clear();
  length = 0;
  std::streambuf* sb = in.rdbuf();
  bool any = false;
  for (;;) {
    const int c = sb->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any ? (length > cap ? LineRead::too_long : LineRead::ok) : LineRead::end;
    }
    any = true;
    if (c == '\n') return length > cap ? LineRead::too_long : LineRead::ok;
    if (++length <= cap) line.push_back(static_cast<char>(c));
    else if (length == cap + 1) line.clear();  // over the cap: stop keeping it
  }
}

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
  opt_.max_doc_bytes = std::min(opt_.max_doc_bytes, kMaxDocBytesSupported);
  if (opt_.paths.empty()) opt_.paths.push_back("-");
  for (auto it = opt_.paths.rbegin(); it != opt_.paths.rend(); ++it) {
    std::string id = *it == "-" ? std::string("stdin") : utf8_id(*it);
    stack_.push_back({*it, id, true});
  }
  struct stat st {};
  stdin_may_wait_ = std::find(opt_.paths.begin(), opt_.paths.end(), "-") != opt_.paths.end() &&
                    (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode));
}

bool Source::ready() const {
  if (!stdin_may_wait_ || !queued_.empty()) return true;
  // Readable, or at its end (POLLHUP): the next read does not wait. Lines already in stdio's
  // buffer are not seen here, which only ends a batch early.
  pollfd p{STDIN_FILENO, POLLIN, 0};
  return poll(&p, 1, 0) > 0;
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
      if (ec) {
        RawDocument err;
        err.id = p.id;
        err.error = fmt::format("cannot list folder: {}", ec.message());
        queued_.push_back(std::move(err));
        return false;
      }
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
        stack_.push_back({(fs::path(p.path) / it->first).string(), utf8_id(join_id(base, it->first)), false});
      }
      continue;
    }
    // A FIFO, socket or device met while walking a folder would block or never end; one named on
    // the command line is read (`claimx <(zcat a.gz)` passes a pipe).
    if (!p.explicit_arg && !fs::is_regular_file(st)) {
      RawDocument err;
      err.id = p.id;
      err.error = "cannot read: not a regular file";
      queued_.push_back(std::move(err));
      return false;
    }
    out = p;
    return true;
  }
  return false;
}

bool Source::read_text(const Pending& p, RawDocument& out) {
  out.id = p.id;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (p.path != "-") {
    // A regular file over the limit is refused from its size, without reading it.
    std::error_code ec;
    auto size = fs::file_size(p.path, ec);
    if (!ec && size > opt_.max_doc_bytes) {
      out.error = too_large(size, opt_.max_doc_bytes);
      return true;
    }
    file.open(p.path, std::ios::binary);
    if (!file) {
      out.error = fmt::format("cannot read: {}", std::strerror(errno));
      return true;
    }
    in = &file;
  }
  if (!read_bounded(*in, opt_.max_doc_bytes, out.bytes)) {
    out.error = fmt::format("read failed: {}", std::strerror(errno));
    out.bytes.clear();
  } else if (out.bytes.size() > opt_.max_doc_bytes) {
    out.error = fmt::format("document is over {} bytes, the --max-doc-bytes limit", opt_.max_doc_bytes);
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
    if (it->value.IsString()) out.id = json_string(it->value);
    else if (it->value.IsInt64()) out.id = std::to_string(it->value.GetInt64());
    else return "\"id\" must be a string or an integer";
  }
  auto text = d.FindMember("text");
  if (text == d.MemberEnd()) return "missing \"text\"";
  if (!text->value.IsString()) return "\"text\" must be a string";
  out.bytes = json_string(text->value);
  out.is_utf8 = true;
  if (auto it = d.FindMember("date"); it != d.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsString()) return "\"date\" must be a string (YYYY-MM-DD)";
    out.date = json_string(it->value);
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
    out.meta_json = utf8_id(std::string(sb.GetString(), sb.GetSize()));  // invalid bytes sit inside strings
  }
  return "";
}

bool Source::next_jsonl_line(RawDocument& out) {
  std::string line;
  std::uint64_t length = 0;
  // JSON escapes take at most 6 bytes for one byte of text ("\u0001"): a longer line cannot hold a
  // document within the limit, and is skipped without being held in memory.
  const std::uint64_t cap = opt_.max_doc_bytes * 6 + 4096;
  for (;;) {
    LineRead got = read_line_capped(*jsonl_, static_cast<std::size_t>(cap), line, length);
    if (got == LineRead::end) break;
    ++jsonl_line_;
    std::string fallback = fmt::format("{}:{}", jsonl_name_, jsonl_line_);
    if (got == LineRead::too_long) {
      out = RawDocument{};
      out.id = fallback;
      out.error = fmt::format("line is {} bytes, too long for a document within --max-doc-bytes {}", length,
                              opt_.max_doc_bytes);
      return true;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out = RawDocument{};
    std::string err = parse_jsonl_article(line, fallback, out);
    if (!err.empty()) {
      out = RawDocument{};
      out.id = fallback;
      out.error = err;
    } else if (out.bytes.size() > opt_.max_doc_bytes) {
      out.error = too_large(out.bytes.size(), opt_.max_doc_bytes);
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
      jsonl_name_ = p.path == "-" ? std::string("stdin") : utf8_id(p.path);
      jsonl_line_ = 0;
      if (p.path == "-") {
        jsonl_ = std::make_unique<StdinStream>();
      } else {
        auto f = std::make_unique<std::ifstream>(p.path, std::ios::binary);
        if (!*f) {
          out = RawDocument{};
          out.id = p.id;
          out.error = fmt::format("cannot read: {}", std::strerror(errno));
          if (!in_shard(out.id)) continue;
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
