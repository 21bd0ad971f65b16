// End-to-end checks of the built binary on real files: what a user at a terminal sees.
#include <catch2/catch.hpp>

#include <map>

#include <rapidjson/document.h>

#include "decode/decode.h"
#include "normalize/normalize.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::testing;
using namespace std::string_literals;

namespace {

std::vector<rapidjson::Document> records(const std::string& out) {
  std::vector<rapidjson::Document> docs;
  for (const auto& line : lines(out)) {
    if (line.empty()) continue;
    docs.emplace_back();
    docs.back().Parse(line.c_str());
    REQUIRE_FALSE(docs.back().HasParseError());
  }
  return docs;
}

const char* kArticle =
    "Gov.\u00A0Gavin Newsom met Kim Kardashian West on Thursday.\r\n"
    "\u201CWe\u2019re hopeful,\u201D said Brittany K. Barnett. Jose\u0301 A\u0301lvarez \U0001F600 agreed in 2019.\r\n";

}  // namespace

TEST_CASE("every record's span cuts its text out of the original article") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  auto r = run_claimx(dir.str() + "/a.txt -q");
  REQUIRE(r.status == 0);
  auto recs = records(r.out);
  REQUIRE(recs.size() >= 4);
  OriginalText original(decode(kArticle).text);
  for (const auto& rec : recs) {
    CodePointSpan s{rec["span"][0].GetUint(), rec["span"][1].GetUint()};
    CHECK(std::string(original.slice(s)) == rec["text"].GetString());
    if (rec.HasMember("speaker") && rec["speaker"].IsObject()) {
      CodePointSpan sp{rec["speaker"]["span"][0].GetUint(), rec["speaker"]["span"][1].GetUint()};
      CHECK(std::string(original.slice(sp)) == rec["speaker"]["text"].GetString());
    }
  }
}

TEST_CASE("bad files give error records while the others are processed") {
  TempDir dir;
  dir.write("1-good.txt", "Kevin Cooper spoke in 1983.");
  dir.write("2-binary.txt", "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"s);
  dir.write("3-empty.txt", "");
  std::filesystem::create_symlink(dir.path() / "missing-target", dir.path() / "4-dangling.txt");
  dir.write("5-cp1252.txt", "\x93" "Fine,\x94 said Jos\xE9 \xC1" "lvarez in 1999.");
  dir.write("6-utf16.txt", "\xFF\xFE"s + "K\0e\0v\0i\0n\0 \0C\0o\0o\0p\0e\0r\0 \0l\0e\0f\0t\0."s);
  dir.write("ignored.md", "Kevin Cooper");
  auto r = run_claimx(dir.str() + " -j2");
  CHECK(r.status == 1);
  auto recs = records(r.out);
  std::map<std::string, std::vector<std::string>> by_doc;
  for (const auto& rec : recs) by_doc[rec["doc"].GetString()].push_back(rec["type"].GetString());
  CHECK(by_doc["1-good.txt"] == std::vector<std::string>{"person", "date"});
  CHECK(by_doc["2-binary.txt"] == std::vector<std::string>{"error"});
  CHECK(by_doc["3-empty.txt"] == std::vector<std::string>{"error"});
  CHECK(by_doc["4-dangling.txt"] == std::vector<std::string>{"error"});
  CHECK(by_doc["5-cp1252.txt"] == std::vector<std::string>{"claim", "person", "date"});
  CHECK(by_doc["6-utf16.txt"] == std::vector<std::string>{"person"});
  CHECK(by_doc.count("ignored.md") == 0);
  // Each failure is named on stderr, and the summary adds up: 6 in = 3 with records + 3 errors.
  CHECK(r.err.find("2-binary.txt: binary file") != std::string::npos);
  CHECK(r.err.find("3-empty.txt: empty document") != std::string::npos);
  CHECK(r.err.find("4-dangling.txt: cannot read") != std::string::npos);
  CHECK(r.err.find("6 documents (3 with records, 0 without, 3 errors)") != std::string::npos);
  // The Windows-1252 name comes out as UTF-8.
  CHECK(r.out.find("\"José Álvarez\"") != std::string::npos);
}

TEST_CASE("output is byte-identical across runs and thread counts") {
  TempDir dir;
  for (int i = 0; i < 40; ++i)
    dir.write("doc" + std::to_string(1000 + i) + ".txt", kArticle);
  auto a = run_claimx(dir.str() + " -q -j1");
  auto b = run_claimx(dir.str() + " -q -j2");
  auto c = run_claimx(dir.str() + " -q -j2");
  REQUIRE(a.status == 0);
  CHECK(!a.out.empty());
  CHECK(a.out == b.out);
  CHECK(b.out == c.out);
}

TEST_CASE("stdin, JSONL input with meta, and --per-doc") {
  auto r = run_claimx("- -q", "Kevin Cooper spoke.");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"doc\":\"stdin\"") != std::string::npos);

  std::string jsonl = "{\"id\":\"a1\",\"text\":\"Kevin Cooper spoke in 1983.\",\"date\":\"2019-06-01\",\"source\":\"x\"}\n"
                      "{not json}\n"
                      "{\"id\":\"a3\",\"text\":42}\n"
                      "{\"id\":\"a4\",\"text\":\"Kim Kardashian West agreed.\"}\n";
  r = run_claimx("--input jsonl -", jsonl);
  CHECK(r.status == 1);
  auto recs = records(r.out);
  REQUIRE(recs.size() == 5);
  CHECK(std::string(recs[0]["doc"].GetString()) == "a1");
  CHECK(std::string(recs[0]["meta"]["source"].GetString()) == "x");
  CHECK(std::string(recs[2]["doc"].GetString()) == "stdin:2");  // the bad line, by line number
  CHECK(std::string(recs[2]["type"].GetString()) == "error");
  CHECK(std::string(recs[3]["message"].GetString()) == "\"text\" must be a string");
  CHECK(std::string(recs[4]["doc"].GetString()) == "a4");

  r = run_claimx("--per-doc -q -", "Kevin Cooper spoke in 1983.");
  auto docs = records(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["entities"].Size() == 1);
  CHECK(docs[0]["dates"].Size() == 1);
  CHECK(docs[0]["claims"].Size() == 0);
}

TEST_CASE("usage errors exit 2 and process nothing") {
  auto r = run_claimx("--ref-date 2019-13-01 -", "Kevin Cooper");
  CHECK(r.status == 2);
  CHECK(r.err.find("--ref-date") != std::string::npos);
  CHECK(r.out.empty());
  r = run_claimx("--types person,planet -", "x");
  CHECK(r.status == 2);
  r = run_claimx("--rules /nonexistent/rules -", "x");
  CHECK(r.status == 2);
  CHECK(r.err.find("/nonexistent/rules: rules folder not found") != std::string::npos);
  r = run_claimx("--no-such-flag");
  CHECK(r.status == 2);
}

TEST_CASE("the version line names the libraries") {
  auto r = run_claimx("--version");
  CHECK(r.status == 0);
  CHECK(r.out.find("claimx ") == 0);
  CHECK(r.out.find("RE2 ") != std::string::npos);
  CHECK(r.out.find("ICU ") != std::string::npos);
}
