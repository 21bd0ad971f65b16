// Every kind of broken input a batch over scraped articles meets (issue 9): each gives an error
// record (or, when it can be decoded, records and a warning), the right exit status, and the good
// documents around it are still processed. Runs the built binary, as a user would.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "decode/decode.h"
#include "normalize/normalize.h"
#include "source/source.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::testing;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

std::vector<rapidjson::Document> parse_lines(const std::string& out) {
  std::vector<rapidjson::Document> docs;
  for (const auto& line : lines(out)) {
    if (line.empty()) continue;
    docs.emplace_back();
    docs.back().Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str());
    REQUIRE_FALSE(docs.back().HasParseError());
  }
  return docs;
}

// A run's records grouped by document.
struct Outcome {
  int status = -1;
  std::string err;
  std::vector<rapidjson::Document> records;
  std::map<std::string, std::vector<const rapidjson::Value*>> by_doc;

  std::vector<std::string> types(const std::string& doc) const {
    std::vector<std::string> t;
    if (auto it = by_doc.find(doc); it != by_doc.end())
      for (const auto* r : it->second) t.push_back((*r)["type"].GetString());
    return t;
  }
  std::string error_of(const std::string& doc) const {
    auto it = by_doc.find(doc);
    if (it == by_doc.end() || it->second.size() != 1) return "<not one record>";
    const auto& r = *it->second[0];
    return std::string(r["type"].GetString()) == "error" ? r["message"].GetString() : "<not an error>";
  }
  // The first record of `doc` whose text is `text`, or nullptr.
  const rapidjson::Value* find(const std::string& doc, const std::string& text) const {
    if (auto it = by_doc.find(doc); it != by_doc.end())
      for (const auto* r : it->second)
        if (r->HasMember("text") && (*r)["text"].GetString() == text) return r;
    return nullptr;
  }
};

// Runs claimx under `timeout`, so that a regression that hangs fails instead of blocking the
// suite; `before` is shell text put in front of the command (e.g. a writer for a FIFO).
RunResult run_claimx_timed(const std::string& args, const std::string& stdin_text = "", const std::string& before = "") {
  static TempDir scratch;
  static int n = 0;
  ++n;
  auto in = scratch.write("stdin" + std::to_string(n), stdin_text);
  auto out = scratch.path() / ("stdout" + std::to_string(n));
  auto err = scratch.path() / ("stderr" + std::to_string(n));
  std::string cmd = before + "timeout 120 " + CLAIMX_BINARY + " " + args + " <" + in.string() + " >" + out.string() +
                    " 2>" + err.string();
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

Outcome run(const std::string& args, const std::string& stdin_text = "", const std::string& before = "") {
  auto r = run_claimx_timed(args, stdin_text, before);
  Outcome o;
  o.status = r.status;
  o.err = r.err;
  o.records = parse_lines(r.out);
  for (const auto& rec : o.records) o.by_doc[rec["doc"].GetString()].push_back(&rec);
  return o;
}

// The good documents placed before and after the bad one in every folder below.
const char* kBefore = "Kevin Cooper spoke in 1983.";
const char* kAfter = "Kim Kardashian West agreed on Monday.";

void write_neighbours(const TempDir& dir) {
  dir.write("a-before.txt", kBefore);
  dir.write("z-after.txt", kAfter);
}

void check_neighbours(const Outcome& o) {
  CHECK(o.find("a-before.txt", "Kevin Cooper") != nullptr);
  CHECK(o.find("z-after.txt", "Kim Kardashian West") != nullptr);
}

// A folder holding the good neighbours and one bad file; runs claimx on it.
Outcome run_between(const std::string& name, const std::string& bytes, const std::string& args = "") {
  TempDir dir;
  write_neighbours(dir);
  dir.write(name, bytes);
  return run(dir.str() + " -j2 " + args);
}

// Every record's text is its span cut out of `original` (UTF-8, already decoded).
void check_spans(const Outcome& o, const std::string& doc, const std::string& original) {
  OriginalText text(original);
  for (const auto* r : o.by_doc.at(doc)) {
    CodePointSpan s{(*r)["span"][0].GetUint(), (*r)["span"][1].GetUint()};
    CHECK(std::string(text.slice(s)) == (*r)["text"].GetString());
  }
}

// Encodes `text` as UTF-16 or UTF-32 in either byte order.
std::string encode(const std::u32string& text, int unit, bool big_endian, bool bom) {
  std::string out;
  auto put = [&](std::uint32_t v) {
    for (int i = 0; i < unit; ++i) {
      int shift = 8 * (big_endian ? unit - 1 - i : i);
      out += static_cast<char>((v >> shift) & 0xFF);
    }
  };
  if (bom) put(0xFEFF);
  for (char32_t c : text) {
    if (unit == 2 && c > 0xFFFF) {
      put(0xD800 + ((c - 0x10000) >> 10));
      put(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      put(c);
    }
  }
  return out;
}

std::string fmt_name(int unit, bool big_endian, bool bom) {
  return "m-utf" + std::to_string(unit * 8) + (big_endian ? "be" : "le") + (bom ? "-bom" : "") + ".txt";
}

}  // namespace

TEST_CASE("an empty file is an error record; the documents around it are processed") {
  auto o = run_between("m-empty.txt", "");
  CHECK(o.status == 1);
  CHECK(o.error_of("m-empty.txt") == "empty document");
  CHECK(o.err.find("claimx: m-empty.txt: empty document\n") != std::string::npos);
  check_neighbours(o);
  // A byte-order mark and nothing else is empty too.
  o = run_between("m-bom.txt", "\xEF\xBB\xBF");
  CHECK(o.status == 1);
  CHECK(o.error_of("m-bom.txt") == "empty document");
  check_neighbours(o);
}

TEST_CASE("a binary file is an error record, not a crash") {
  std::string elf = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0"s;
  for (int i = 0; i < 4096; ++i) elf += static_cast<char>((i * 7919) & 0xFF);
  auto o = run_between("m-program", elf);  // no extension: read by default
  CHECK(o.status == 1);
  CHECK(o.error_of("m-program") == "binary file (NUL bytes in the first 8 KiB)");
  CHECK(o.err.find("m-program: binary file") != std::string::npos);
  check_neighbours(o);
  std::string png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"s;
  o = run_between("m-image.txt", png);
  CHECK(o.error_of("m-image.txt").find("binary file") == 0);
  check_neighbours(o);
}

TEST_CASE("invalid UTF-8 bytes become U+FFFD with a warning; the document is processed") {
  // Mostly valid UTF-8 (four good multi-byte characters) with three broken sequences: a lone
  // 0xFF, a lead byte without its continuation, a truncated three-byte sequence.
  const std::string bytes =
      "Caf\xC3\xA9 owner Kevin Cooper \xFF\xC3 spoke in 1983 \xE2\x80 in Z\xC3\xBCrich \xE2\x80\x94 and M\xC3\xA1laga.";
  auto o = run_between("m-broken.txt", bytes);
  CHECK(o.status == 0);
  CHECK(o.err.find("m-broken.txt: warning: 3 invalid UTF-8 sequences replaced with U+FFFD") != std::string::npos);
  const auto* kevin = o.find("m-broken.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 11);  // "Café owner " is 11 code points
  const auto* date = o.find("m-broken.txt", "1983");
  REQUIRE(date != nullptr);
  CHECK((*date)["span"][0].GetUint() == 36);  // each broken sequence is one U+FFFD
  check_spans(o, "m-broken.txt", to_valid_utf8(bytes));
  check_neighbours(o);
}

TEST_CASE("UTF-16 and UTF-32, with and without a byte-order mark, give the same records") {
  const std::u32string text = U"Zo\u00EB said Kevin Cooper spoke in 1983 \U0001F600 in Z\u00FCrich.";
  const std::string utf8 = "Zo\u00EB said Kevin Cooper spoke in 1983 \U0001F600 in Z\u00FCrich.";
  TempDir dir;
  write_neighbours(dir);
  dir.write("m-utf8.txt", utf8);
  std::vector<std::string> names;
  for (int unit : {2, 4})
    for (bool be : {false, true})
      for (bool bom : {true, false}) {
        std::string name = fmt_name(unit, be, bom);
        dir.write(name, encode(text, unit, be, bom));
        names.push_back(name);
      }
  auto o = run(dir.str() + " -j2");
  CHECK(o.status == 0);
  check_neighbours(o);
  const auto* kevin = o.find("m-utf8.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 9);
  check_spans(o, "m-utf8.txt", utf8);
  auto strip_doc = [&](const std::string& doc) {
    std::vector<std::string> out;
    for (const auto* r : o.by_doc[doc]) {
      rapidjson::Document copy;
      copy.CopyFrom(*r, copy.GetAllocator());
      copy.RemoveMember("doc");
      rapidjson::StringBuffer sb;
      rapidjson::Writer<rapidjson::StringBuffer> w(sb);
      copy.Accept(w);
      out.push_back(sb.GetString());
    }
    return out;
  };
  const auto expected = strip_doc("m-utf8.txt");
  CHECK(!expected.empty());
  for (const auto& name : names) {
    INFO(name);
    CHECK(strip_doc(name) == expected);
  }
}

TEST_CASE("Windows-1252 and Latin-1 are converted, spans count code points") {
  // Curly quotes (0x93, 0x94), an en dash (0x96) and accented letters.
  const std::string cp1252 = "\x93It\x92s fine,\x94 said Jos\xE9 \xC1lvarez \x96 Kevin Cooper agreed in 1999.";
  auto o = run_between("m-cp1252.txt", cp1252);
  CHECK(o.status == 0);
  check_neighbours(o);
  check_spans(o, "m-cp1252.txt", decode(cp1252).text);
  const auto* kevin = o.find("m-cp1252.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 33);
  CHECK(o.find("m-cp1252.txt", "Jos\u00E9 \u00C1lvarez") != nullptr);

  // Latin-1 without any Windows-1252-only byte.
  const std::string latin1 = "Fran\xE7ois Dupont met Kevin Cooper in Z\xFCrich in 1999.";
  o = run_between("m-latin1.txt", latin1);
  CHECK(o.status == 0);
  check_neighbours(o);
  check_spans(o, "m-latin1.txt", "Fran\u00E7ois Dupont met Kevin Cooper in Z\u00FCrich in 1999.");
  kevin = o.find("m-latin1.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 20);
}

TEST_CASE("CRLF and lone CR line breaks: spans point into the original, lines are sentences") {
  const std::string crlf = "Court ruling\r\nKevin Cooper spoke in 1983.\r\n";
  auto o = run_between("m-crlf.txt", crlf);
  CHECK(o.status == 0);
  check_neighbours(o);
  check_spans(o, "m-crlf.txt", crlf);
  const auto* kevin = o.find("m-crlf.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 14);
  CHECK((*kevin)["sent"].GetUint() == 1);

  const std::string cr = "Court ruling\rKevin Cooper spoke in 1983.\rThe end.";
  o = run_between("m-cr.txt", cr);
  CHECK(o.status == 0);
  check_neighbours(o);
  check_spans(o, "m-cr.txt", cr);
  kevin = o.find("m-cr.txt", "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK((*kevin)["span"][0].GetUint() == 13);
  CHECK((*kevin)["sent"].GetUint() == 1);
}

// A 100 MB file of one line is refused from its size (default --max-doc-bytes 64 MiB) without
// being read; a long line within the limit is extracted in limits_test.cc (a 1 MB sentence).
TEST_CASE("a 100 MB file with one line gets an error record") {
  TempDir dir;
  write_neighbours(dir);
  {
    std::ofstream big(dir.path() / "m-huge.txt", std::ios::binary);
    std::string chunk;
    while (chunk.size() < (1 << 20)) chunk += "Kevin Cooper said the court ruled on Monday ";
    chunk.resize(1 << 20);
    for (int i = 0; i < 100; ++i) big << chunk;
  }
  REQUIRE(fs::file_size(dir.path() / "m-huge.txt") == 100u << 20);
  auto o = run(dir.str() + " -j2");
  CHECK(o.status == 1);
  CHECK(o.error_of("m-huge.txt") == "document is 104857600 bytes, over --max-doc-bytes 67108864");
  CHECK(o.err.find("m-huge.txt: document is 104857600 bytes") != std::string::npos);
  check_neighbours(o);
  // On stdin there is no size to look at first: reading stops at the limit.
  o = run("- -q", slurp(dir.path() / "m-huge.txt"));
  CHECK(o.status == 1);
  CHECK(o.error_of("stdin") == "document is over 67108864 bytes, the --max-doc-bytes limit");
}

TEST_CASE("a file deleted while the run is going on is an error record") {
  // Deterministic: the folder has been listed when the first document is read; the second file
  // is deleted before it is read.
  TempDir dir;
  dir.write("a.txt", kBefore);
  dir.write("b.txt", "Deleted before it is read.");
  dir.write("c.txt", kAfter);
  SourceOptions opt;
  opt.paths = {dir.str()};
  Source source(opt);
  RawDocument doc;
  REQUIRE(source.next(doc));
  CHECK(doc.id == "a.txt");
  CHECK(doc.error.empty());
  fs::remove(dir.path() / "b.txt");
  REQUIRE(source.next(doc));
  CHECK(doc.id == "b.txt");
  CHECK(doc.error == "cannot read: No such file or directory");
  REQUIRE(source.next(doc));
  CHECK(doc.id == "c.txt");
  CHECK(doc.bytes == kAfter);
  CHECK_FALSE(source.next(doc));
}

// The same through the binary, with the exit status and the neighbours. claimx reads its arguments
// in order, one at a time, so while it is blocked reading the pipe (second argument) the writer
// deletes the third file and makes the fourth unreadable: both happen after the run started,
// deterministically. Root reads a chmod 000 file, so as root claimx runs as nobody.
TEST_CASE("files deleted or made unreadable mid-run are error records; the run goes on") {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  const std::string a = dir.write("a.txt", kBefore).string();
  const std::string b = dir.write("b.txt", "Deleted before it is read.").string();
  const std::string c = dir.write("c.txt", "Made unreadable before it is read.").string();
  const std::string d = dir.write("d.txt", kAfter).string();
  const std::string pipe = (dir.path() / "pipe").string();
  REQUIRE(mkfifo(pipe.c_str(), 0644) == 0);
  std::string before = "timeout 120 sh -c 'exec 3>" + pipe + "; rm " + b + "; chmod 000 " + c +
                       "; printf \"%s\" \"" + kAfter + "\" >&3' & ";
  if (geteuid() == 0) before += "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  auto o = run(a + " " + pipe + " " + b + " " + c + " " + d + " -j2", "", before);
  CHECK(o.status == 1);
  CHECK(o.find(a, "Kevin Cooper") != nullptr);
  CHECK(o.find(pipe, "Kim Kardashian West") != nullptr);
  CHECK(o.error_of(b) == "cannot read: No such file or directory");
  CHECK(o.error_of(c) == "cannot read: Permission denied");
  CHECK(o.find(d, "Kim Kardashian West") != nullptr);
  CHECK(o.err.find("claimx: " + b + ": cannot read: No such file or directory\n") != std::string::npos);
  CHECK(o.err.find("claimx: " + c + ": cannot read: Permission denied\n") != std::string::npos);
  CHECK(o.err.find("claimx: 5 documents (3 with records, 0 without, 2 errors)") != std::string::npos);
}

// Tests run as root in CI, where chmod 000 does not stop a read: unreadable files are made with a
// dangling symlink and a FIFO (which would block a plain read forever) instead.
TEST_CASE("a dangling symlink and a FIFO in a folder are error records, and the run goes on") {
  TempDir dir;
  write_neighbours(dir);
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "m-dangling.txt");
  REQUIRE(mkfifo((dir.path() / "m-fifo.txt").c_str(), 0644) == 0);
  auto o = run(dir.str() + " -j2");
  CHECK(o.status == 1);
  CHECK(o.error_of("m-dangling.txt") == "cannot read: No such file or directory");
  CHECK(o.error_of("m-fifo.txt") == "cannot read: not a regular file");
  CHECK(o.err.find("m-fifo.txt: cannot read: not a regular file") != std::string::npos);
  check_neighbours(o);
  // A pipe named on the command line is read, as `claimx <(zcat article.gz)` passes one.
  const std::string fifo = dir.str() + "/m-fifo.txt";
  auto piped = run(fifo + " -q", "", "printf '%s' '" + std::string(kBefore) + "' >" + fifo + " & ");
  CHECK(piped.status == 0);
  CHECK(piped.find(fifo, "Kevin Cooper") != nullptr);
}

TEST_CASE("symlink loops: folders are walked once, a self-referring link is an error record") {
  TempDir dir;
  write_neighbours(dir);
  dir.write("sub/c.txt", kBefore);
  fs::create_directory_symlink("..", dir.path() / "sub" / "up");
  fs::create_directory_symlink(".", dir.path() / "sub" / "here");
  fs::create_directory_symlink(dir.path(), dir.path() / "sub" / "root");
  fs::create_symlink(dir.path() / "m-loop2.txt", dir.path() / "m-loop1.txt");
  fs::create_symlink(dir.path() / "m-loop1.txt", dir.path() / "m-loop2.txt");
  auto o = run(dir.str() + " -j2");
  CHECK(o.status == 1);
  check_neighbours(o);
  std::vector<std::string> docs;
  for (const auto& [doc, recs] : o.by_doc) docs.push_back(doc);
  CHECK(docs == std::vector<std::string>{"a-before.txt", "m-loop1.txt", "m-loop2.txt", "sub/c.txt", "z-after.txt"});
  CHECK(o.error_of("m-loop1.txt") == "cannot read: Too many levels of symbolic links");
  CHECK(o.error_of("m-loop2.txt") == "cannot read: Too many levels of symbolic links");
  CHECK(o.types("a-before.txt") == o.types("sub/c.txt"));  // each file once, not once per loop
}

TEST_CASE("malformed JSONL lines are error records with their line numbers; good lines go on") {
  TempDir dir;
  auto path = dir.write("articles.jsonl",
                        "{\"id\":\"a1\",\"text\":\"Kevin Cooper spoke in 1983.\"}\n"   // 1
                        "{not json}\n"                                                   // 2
                        "\n"                                                             // 3: blank, skipped
                        "{\"id\":\"a4\",\"text\":\"cut off\n"                            // 4
                        "[1, 2]\n"                                                       // 5
                        "{\"id\":\"a6\",\"text\":\"caf\xC3 broken\"}\n"                  // 6
                        "{\"id\":\"a7\",\"text\":\"Kim Kardashian West agreed.\"}\r\n"   // 7 (CRLF)
                        "{\"id\":\"a8\",\"text\":\"Kevin Cooper left.\"} trailing\n"     // 8
                        "{\"id\":\"a9\",\"text\":\"Kevin Cooper returned.\"}");          // 9: no final newline
  const std::string p = path.string();
  auto o = run("--input jsonl -j2 " + p);
  CHECK(o.status == 1);
  CHECK(o.find("a1", "Kevin Cooper") != nullptr);
  CHECK(o.find("a7", "Kim Kardashian West") != nullptr);
  CHECK(o.find("a9", "Kevin Cooper") != nullptr);
  CHECK(o.error_of(p + ":2") == "invalid JSON at column 2: Missing a name for object member.");
  CHECK(o.error_of(p + ":4").find("invalid JSON at column") == 0);
  CHECK(o.error_of(p + ":5") == "a JSONL article must be a JSON object");
  CHECK(o.error_of(p + ":6").find("Invalid encoding in string") != std::string::npos);
  CHECK(o.error_of(p + ":8").find("invalid JSON at column") == 0);
  CHECK(o.by_doc.count(p + ":3") == 0);
  CHECK(o.err.find(p + ":2: invalid JSON") != std::string::npos);
  // In input order: a1, 2, 4, 5, 6, a7, 8, a9.
  std::vector<std::string> order;
  for (const auto& r : o.records)
    if (order.empty() || order.back() != r["doc"].GetString()) order.push_back(r["doc"].GetString());
  CHECK(order == std::vector<std::string>{"a1", p + ":2", p + ":4", p + ":5", p + ":6", "a7", p + ":8", "a9"});
}

TEST_CASE("a JSONL text that is not a string is an error record") {
  std::string jsonl = "{\"id\":\"n\",\"text\":42}\n"
                      "{\"id\":\"z\",\"text\":null}\n"
                      "{\"id\":\"o\",\"text\":{\"body\":\"x\"}}\n"
                      "{\"id\":\"a\",\"text\":[\"x\"]}\n"
                      "{\"id\":\"b\",\"text\":true}\n"
                      "{\"id\":\"m\",\"body\":\"no text member\"}\n"
                      "{\"id\":\"good\",\"text\":\"Kevin Cooper spoke.\"}\n"
                      "{\"id\":{\"x\":1},\"text\":\"bad id\"}\n"
                      "{\"id\":\"d\",\"text\":\"x\",\"date\":20190601}\n";
  auto o = run("--input jsonl -", jsonl);
  CHECK(o.status == 1);
  for (int line = 1; line <= 5; ++line) CHECK(o.error_of("stdin:" + std::to_string(line)) == "\"text\" must be a string");
  CHECK(o.error_of("stdin:6") == "missing \"text\"");
  CHECK(o.find("good", "Kevin Cooper") != nullptr);
  CHECK(o.error_of("stdin:8") == "\"id\" must be a string or an integer");
  CHECK(o.error_of("stdin:9") == "\"date\" must be a string (YYYY-MM-DD)");
}

// Found by fuzz_jsonl_line (tests/regressions/jsonl_line/lone-low-surrogate-escape): RapidJSON
// turns an escaped lone low surrogate into bytes that are not UTF-8, which reached the output.
TEST_CASE("JSONL strings with a lone surrogate escape come out as valid UTF-8") {
  auto o = run("--input jsonl -q -",
               "{\"id\":\"x\\udc00\",\"text\":\"Kevin Cooper said \\udfff on Monday.\",\"src\":\"\\ude00y\"}\n");
  CHECK(o.status == 0);  // parse_lines checks every line is valid UTF-8
  const std::string id = "x\uFFFD\uFFFD\uFFFD";  // one U+FFFD per byte, as WHATWG decoders do
  REQUIRE(o.by_doc.count(id) == 1);
  const auto* kevin = o.find(id, "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK(std::string((*kevin)["meta"]["src"].GetString()) == "\uFFFD\uFFFD\uFFFDy");
}

TEST_CASE("a missing --rules folder exits 2 and processes nothing") {
  TempDir dir;
  write_neighbours(dir);
  auto o = run("--rules " + dir.str() + "/no-such-rules " + dir.str());
  CHECK(o.status == 2);
  CHECK(o.records.empty());
  CHECK(o.err == "claimx: " + dir.str() + "/no-such-rules: rules folder not found\n");
  // A file where a folder should be, and a folder with no rule files.
  o = run("--rules " + dir.str() + "/a-before.txt " + dir.str());
  CHECK(o.status == 2);
  CHECK(o.records.empty());
  fs::create_directory(dir.path() / "empty-rules");
  o = run("--rules " + dir.str() + "/empty-rules " + dir.str());
  CHECK(o.status == 2);
  CHECK(o.err.find("no *.rules files") != std::string::npos);
  CHECK(o.records.empty());
}

TEST_CASE("malformed rules exit 2 with file:line and process nothing") {
  const std::string good_rule = "rule person.kevin\ntype: person\npattern: Kevin Cooper\nexample: Kevin Cooper spoke.\n\n";
  struct Case {
    std::string text;
    int line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"rule person.bad\ntype: person\npattern: (?P<who>Kevin\n", 3, "rule person.bad: bad pattern: missing ): (?P<who>Kevin"},
      {"rule person.bad\ntype: persons\npattern: x\n", 2, "unknown type `persons`"},
      {"rule person.bad\npattern: x\nexample: x\n", 1, "rule person.bad has no `type:`"},
      {"rule person.bad\ntype: person\npattern: {NO_SUCH_MACRO} x\n", 3, "unknown macro {NO_SUCH_MACRO}"},
      {"list names = lists/missing.tsv\n", 1, "list names: file lists/missing.tsv not found"},
      {"rule person.bad\ntype: person\npattern: x\npriority: high\n", 4, "priority must be an integer, not `high`"},
      {"just some words\n", 1, "expected `rule ID`, `define NAME = ...` or `list NAME = ...`"},
      {"rule person.kevin\ntype: person\npattern: y\n", 1, "duplicate rule id person.kevin"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    TempDir rules;
    rules.write("a.rules", good_rule);
    rules.write("b.rules", c.text);
    auto o = run("--rules " + rules.str() + " -", kBefore);
    CHECK(o.status == 2);
    CHECK(o.records.empty());
    const std::string where = "claimx: " + rules.str() + "/b.rules:" + std::to_string(c.line) + ": ";
    CHECK(o.err.find(where) == 0);
    CHECK(o.err.find(c.message) != std::string::npos);
  }
}

// Nothing lost: documents in = documents with records + documents without + errors, both in the
// stderr summary and in the --per-doc output.
TEST_CASE("a folder mixing good and bad files: the counts reconcile") {
  TempDir dir;
  write_neighbours(dir);
  dir.write("b-nothing.txt", "nothing to see here.");
  dir.write("c-empty.txt", "");
  dir.write("d-binary.txt", "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"s);
  dir.write("e-cp1252.txt", "\x93" "Fine,\x94 said Jos\xE9 \xC1lvarez in 1999.");
  dir.write("f-utf16.txt", encode(U"Kevin Cooper left.", 2, false, true));
  dir.write("g-broken.txt", "Kevin Cooper \xC3\xA9\xFF left.");
  std::string big(2000, 'x');
  dir.write("h-big.txt", big);
  fs::create_symlink(dir.path() / "gone", dir.path() / "i-dangling.txt");
  REQUIRE(mkfifo((dir.path() / "j-fifo.txt").c_str(), 0644) == 0);
  dir.write("k-crlf.txt", "Kevin Cooper\r\nspoke.\r\n");
  dir.write("sub/l-nested.txt", kAfter);
  dir.write("ignored.md", kAfter);
  const std::size_t inputs = 13;

  // "claimx: N documents (A with records, B without, C errors), ..."
  auto counts = [&](const std::string& err) {
    std::array<std::size_t, 4> n{};
    auto at = err.find(" documents (");
    REQUIRE(at != std::string::npos);
    at = err.rfind("claimx: ", at);
    REQUIRE(std::sscanf(err.c_str() + at, "claimx: %zu documents (%zu with records, %zu without, %zu errors)", &n[0],
                        &n[1], &n[2], &n[3]) == 4);
    return n;
  };

  auto o = run(dir.str() + " -j2 --max-doc-bytes 1000");
  CHECK(o.status == 1);
  auto [in, with, without, errors] = counts(o.err);
  CHECK(in == inputs);
  CHECK(in == with + without + errors);
  CHECK(errors == 5);   // empty, binary, too big, dangling, FIFO
  CHECK(without == 1);  // b-nothing.txt
  std::set<std::string> docs_with_records, docs_with_errors;
  for (const auto& [doc, recs] : o.by_doc)
    (std::string((*recs[0])["type"].GetString()) == "error" ? docs_with_errors : docs_with_records).insert(doc);
  CHECK(docs_with_records.size() == with);
  CHECK(docs_with_errors.size() == errors);
  std::size_t stderr_errors = 0;
  for (const auto& line : lines(o.err))
    if (line.find("claimx: ") == 0 && line.find(": warning: ") == std::string::npos && line.find(" documents (") == std::string::npos)
      ++stderr_errors;
  CHECK(stderr_errors == errors);  // one stderr line per error record

  auto per_doc = run_claimx_timed(dir.str() + " -j2 --max-doc-bytes 1000 --per-doc");
  CHECK(per_doc.status == 1);
  CHECK(counts(per_doc.err) == std::array<std::size_t, 4>{in, with, without, errors});
  auto objects = parse_lines(per_doc.out);
  CHECK(objects.size() == in);  // one object per document, whatever happened to it
  std::size_t n_with = 0, n_without = 0, n_errors = 0;
  for (const auto& d : objects) {
    if (d.HasMember("error") || (d.HasMember("type") && std::string(d["type"].GetString()) == "error")) {
      ++n_errors;
      continue;
    }
    bool any = false;
    for (const auto& m : d.GetObject())
      if (m.value.IsArray() && !m.value.Empty()) any = true;
    ++(any ? n_with : n_without);
  }
  CHECK(n_with == with);
  CHECK(n_without == without);
  CHECK(n_errors == errors);
}
