// --shard I/N splits a corpus across machines: every document goes to exactly one shard, chosen
// by a stable hash of its id, and the shards' outputs together are the unsharded output. Checked
// on the real articles of corpus/, as a folder and as JSONL (from a file and from stdin).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "decode/decode.h"
#include "source/source.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

const std::string kCorpus = std::string(CLAIMX_SOURCE_DIR) + "/corpus";
constexpr unsigned kShards = 3;

std::string doc_of(const std::string& line) {
  rapidjson::Document d;
  d.Parse(line.c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d.HasMember("doc"));
  return d["doc"].GetString();
}

// The documents of a --per-doc output (one line each), in order.
std::vector<std::string> docs_of(const std::string& per_doc_out) {
  std::vector<std::string> docs;
  for (const auto& line : lines(per_doc_out))
    if (!line.empty()) docs.push_back(doc_of(line));
  return docs;
}

// The lines of `out` whose document is in `docs`, in order, as one text.
std::string only_docs(const std::string& out, const std::set<std::string>& docs) {
  std::string kept;
  for (const auto& line : lines(out))
    if (!line.empty() && docs.count(doc_of(line))) kept += line + "\n";
  return kept;
}

// Runs `args` unsharded and as shards 0..N-1 (`shard_args(i)` gives a shard's arguments and
// `stdin_text` its input), and checks that the shards partition the documents and that each
// shard's records are exactly the unsharded records of its documents, byte for byte.
void check_shards(const std::string& args, const std::string& stdin_text = "") {
  auto whole = run_claimx(args + " -q", stdin_text);
  auto whole_docs = run_claimx(args + " -q --per-doc", stdin_text);
  REQUIRE(whole.status == 0);
  REQUIRE(whole_docs.status == 0);
  const auto all = docs_of(whole_docs.out);
  REQUIRE(all.size() >= 10);

  std::multiset<std::string> seen;
  std::string records_of_shards;
  for (unsigned i = 0; i < kShards; ++i) {
    const std::string shard = " --shard " + std::to_string(i) + "/" + std::to_string(kShards);
    auto docs_run = run_claimx(args + shard + " -q --per-doc", stdin_text);
    auto records_run = run_claimx(args + shard + " -q", stdin_text);
    REQUIRE(docs_run.status == 0);
    REQUIRE(records_run.status == 0);
    const auto docs = docs_of(docs_run.out);
    CHECK_FALSE(docs.empty());  // 3 shards of more than 10 documents: none is left empty
    for (const auto& d : docs) CHECK(shard_of(d, kShards) == i);
    seen.insert(docs.begin(), docs.end());
    const std::set<std::string> mine(docs.begin(), docs.end());
    // A shard's output is the unsharded output of its documents, in the same order.
    CHECK(records_run.out == only_docs(whole.out, mine));
    records_of_shards += records_run.out;
  }
  // Disjoint and complete: every document in exactly one shard.
  CHECK(seen == std::multiset<std::string>(all.begin(), all.end()));
  // The union of the shards' records is the unsharded output (as a multiset of lines).
  auto sorted_lines = [](const std::string& s) {
    auto v = lines(s);
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted_lines(records_of_shards) == sorted_lines(whole.out));
}

}  // namespace

TEST_CASE("the shard of an id is FNV-1a (64 bit) modulo N, the same on every machine") {
  // Published FNV-1a test vectors: a shard assignment never changes between versions or hosts.
  CHECK(shard_of("", 0xFFFFFFFFu) == 0xcbf29ce484222325ull % 0xFFFFFFFFull);
  CHECK(shard_of("a", 0xFFFFFFFFu) == 0xaf63dc4c8601ec8cull % 0xFFFFFFFFull);
  CHECK(shard_of("foobar", 0xFFFFFFFFu) == 0x85944171f73967e8ull % 0xFFFFFFFFull);
  CHECK(shard_of("anything", 1) == 0);
}

TEST_CASE("shards of a folder are disjoint and together give the unsharded output") {
  check_shards(kCorpus);
}

TEST_CASE("shards of JSONL, from a file and from stdin, are disjoint and give the unsharded output") {
  TempDir dir;
  std::string jsonl;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(kCorpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    const std::string text = decode(slurp(f)).text;  // JSONL text is UTF-8, files need not be
    w.StartObject();
    w.Key("id");
    w.String(f.filename().string().c_str());
    w.Key("text");
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    w.EndObject();
    jsonl += std::string(sb.GetString(), sb.GetSize()) + "\n";
  }
  const auto path = dir.write("articles.jsonl", jsonl);
  check_shards("--input jsonl " + path.string());
  check_shards("--input jsonl -", jsonl);
}

TEST_CASE("a shard is given as I/N with 0 <= I < N, or the run stops with exit 2") {
  for (const char* bad : {"3/3", "0/0", "1", "a/b", "-1/2"}) {
    auto r = run_claimx(std::string("--shard ") + bad + " -q -", "Kevin Cooper spoke.");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
  }
}
