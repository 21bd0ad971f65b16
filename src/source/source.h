#pragma once
// source: turns the PATH arguments into a stream of raw documents in a deterministic order.
// In:  paths (files; folders, walked recursively in sorted order; "-" for stdin), name globs, and
//      the input format (plain text files, or JSONL with one article per line).
// Out: one RawDocument at a time, so a corpus is never held in memory whole. Anything that cannot
//      be read becomes a RawDocument with `error` set; next() never throws for a bad input.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace claimx {

enum class InputFormat { text, jsonl };

struct RawDocument {
  std::string id;         // path relative to the PATH given, or the JSONL "id"
  std::string bytes;      // undecoded file content, or the JSONL "text" (already UTF-8)
  bool is_utf8 = false;   // true for JSONL text, which the JSON reader has already validated
  std::string date;       // the JSONL "date" (YYYY-MM-DD...), empty when absent
  std::string meta_json;  // the other JSONL fields as one JSON object, empty when none
  std::string error;      // set when the document could not be read; `bytes` is then empty
  std::size_t ordinal = 0;  // position in input order
};

// The largest document claimx can take whatever --max-doc-bytes says: offsets are 32-bit, and
// decoding can triple a document (each invalid byte becomes a 3-byte U+FFFD).
constexpr std::uint64_t kMaxDocBytesSupported = 512ull << 20;

struct SourceOptions {
  std::vector<std::string> paths;   // empty or {"-"}: stdin
  std::vector<std::string> globs;   // empty: *.txt, *.text and names without an extension (jsonl: *.jsonl)
  InputFormat format = InputFormat::text;
  std::uint64_t max_doc_bytes = 64ull << 20;  // larger documents are errors (capped at kMaxDocBytesSupported)
  unsigned shard_index = 0, shard_count = 1;  // only documents whose id hashes to this shard
};

// The shard a document id belongs to: a stable hash (FNV-1a, 64 bit) of the id, modulo `count`.
unsigned shard_of(const std::string& id, unsigned count);

class Source {
 public:
  explicit Source(SourceOptions options);
  ~Source();
  // Fills `out` with the next document; returns false at the end of the input.
  bool next(RawDocument& out);
  // Whether next() can answer without waiting for a pipe or terminal on stdin to be written to.
  // A reader that gathers documents into batches asks this before each but the first, so a
  // streaming writer that waits for the answer to each line gets it.
  bool ready() const;
  // Stdin is among the inputs and is a pipe, socket or terminal: reading may block while the
  // writer at the other end waits for our output.
  bool stdin_may_wait() const { return stdin_may_wait_; }

 private:
  struct Pending {
    std::string path;     // filesystem path ("-" for stdin)
    std::string id;       // id of the document(s) it yields
    bool explicit_arg;    // named on the command line: read whatever its name
  };
  bool next_path(Pending& out);
  bool read_text(const Pending& p, RawDocument& out);
  bool next_jsonl_line(RawDocument& out);
  bool matches_glob(const std::string& name) const;
  bool in_shard(const std::string& id) const { return opt_.shard_count <= 1 || shard_of(id, opt_.shard_count) == opt_.shard_index; }

  SourceOptions opt_;
  std::vector<Pending> stack_;            // paths still to visit, last visited first
  std::set<std::string> seen_dirs_;       // canonical folders already walked (symlink loops)
  std::unique_ptr<std::istream> jsonl_;   // the JSONL stream being read, if any
  std::string jsonl_name_;
  std::size_t jsonl_line_ = 0;
  std::size_t ordinal_ = 0;
  std::vector<RawDocument> queued_;       // errors found while walking, delivered in order
  bool stdin_may_wait_ = false;
};

// Parses one JSONL input line into `out` (id, text, date, meta). Returns an error message, or ""
// when the line is a valid article. `fallback_id` is used when the line has no "id".
std::string parse_jsonl_article(const std::string& line, const std::string& fallback_id, RawDocument& out);

}  // namespace claimx
