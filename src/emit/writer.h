#pragma once
// emit: extracted documents -> output text.
// In:  one ExtractedDocument (records with byte spans of the match text).
// Out: JSON text appended to a buffer: spans in code points of the original article, `text` cut
//      from the original (never from the match text), fields in a fixed order so the same input
//      gives byte-identical output. Two writers share this interface: one record a line (JSONL),
//      and one object per document (--per-doc).
#include <array>
#include <cstddef>
#include <memory>
#include <string>

#include "pipeline/extractor.h"

namespace claimx {

struct EmitOptions {
  bool explain = false;  // add `rule` and the named groups
};

// Records per type in one document's output, for the summary line.
struct EmitCounts {
  std::array<std::size_t, kRecordTypes> by_type{};
  std::size_t errors = 0;
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Appends the document's output to `out` and adds to `counts`. Thread-safe (no shared state).
  virtual void write(const ExtractedDocument& doc, std::string& out, EmitCounts& counts) const = 0;
};

std::unique_ptr<RecordWriter> make_jsonl_writer(EmitOptions options);
std::unique_ptr<RecordWriter> make_per_doc_writer(EmitOptions options);

}  // namespace claimx
