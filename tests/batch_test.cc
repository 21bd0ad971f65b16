// Documents extracted together (a worker's chunk, Extractor::run on several) give exactly what each
// gives alone: matching shares the rules' work across documents, never their text or results; and
// the order in which a worker runs the rules changes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "emit/writer.h"
#include "extract_support.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

std::string jsonl_of(const ExtractedDocument& doc) {
  static const auto writer = make_jsonl_writer(EmitOptions{true});
  std::string out;
  EmitCounts counts;
  writer->write(doc, out, counts);
  return out;
}

}  // namespace

TEST_CASE("Documents extracted together, in either rule order, give the records each gives alone") {
  std::vector<RawDocument> docs;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CLAIMX_SOURCE_DIR) + "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    RawDocument d;
    d.id = entry.path().filename().string();
    d.bytes = slurp(entry.path());
    docs.push_back(std::move(d));
  }
  std::sort(docs.begin(), docs.end(), [](const RawDocument& a, const RawDocument& b) { return a.id < b.id; });
  REQUIRE(docs.size() >= 10);
  // Between the articles: a document that failed to read, an empty one, and one whose sentence is
  // longer than a match window, so offsets and sentence numbers differ from one to the next.
  RawDocument failed;
  failed.id = "failed";
  failed.error = "cannot read: test";
  docs.insert(docs.begin() + 3, failed);
  RawDocument empty;
  empty.id = "empty";
  docs.insert(docs.begin() + 5, empty);
  RawDocument long_one;
  long_one.id = "long";
  for (int i = 0; i < 900; ++i) long_one.bytes += "Mayor Ana Ortiz said the pier in Lisbon would close on May 3, 2021, and ";
  long_one.bytes += "nobody asked why.";
  docs.push_back(long_one);
  for (std::size_t i = 0; i < docs.size(); ++i) docs[i].ordinal = i;

  ExtractOptions opt;
  opt.ref_date = parse_iso_date("2024-06-01");
  Extractor together(embedded_rules(), opt);
  const auto batch = together.run(docs);
  REQUIRE(batch.size() == docs.size());
  // Every other worker thread runs the rules last to first: the same records.
  Extractor backward(embedded_rules(), opt, true);
  const auto batch_backward = backward.run(docs);
  REQUIRE(batch_backward.size() == docs.size());
  std::size_t records = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    Extractor alone(embedded_rules(), opt);
    const auto one = alone.run(docs[i]);
    INFO(docs[i].id);
    CHECK(batch[i].doc == docs[i].id);
    CHECK(batch[i].error == one.error);
    CHECK(jsonl_of(batch[i]) == jsonl_of(one));
    CHECK(jsonl_of(batch_backward[i]) == jsonl_of(one));
    records += one.records.size();
  }
  CHECK(batch[3].error == "cannot read: test");
  CHECK(records > 500);  // the comparison is over real output, not empty documents
}
