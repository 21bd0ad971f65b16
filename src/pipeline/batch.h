#pragma once
// Runs extraction over a whole input: documents are read in order, in chunks, extracted on a pool of
// worker threads, and handed back in input order, with a bounded number in flight so memory stays
// flat however large the corpus (oneTBB parallel_pipeline: serial in-order input, parallel
// extraction, serial in-order output).
#include <cstddef>
#include <functional>
#include <string>

#include "emit/writer.h"
#include "pipeline/extractor.h"
#include "source/source.h"

namespace claimx {

struct BatchItem {
  ExtractedDocument doc;
  std::string output;   // the writer's text for this document (empty without a writer)
  EmitCounts counts;
  // No later document had been read when this one was handed back: the input may be waiting for
  // more (a pipe, a streaming mapper), so the consumer should flush what it has written.
  bool caught_up = false;
};

struct BatchOptions {
  int threads = 0;          // 0: all cores
  std::size_t in_flight = 0;  // chunks; 0: 2 per thread
  // A worker extracts a chunk of documents at once (Extractor::run on several), up to this many
  // documents or until they hold this many input bytes; the first chunks are smaller (1, 1, 2, 4,
  // ...). A chunk is only topped up with documents the source has ready (Source::ready), so a
  // streaming writer is never kept waiting.
  std::size_t chunk_docs = 64;
  std::size_t chunk_bytes = 256 << 10;
};

// Calls `consume` once per document, in input order, on one thread at a time. `writer` may be
// null; when set, each document's output is formatted on the worker threads.
void run_batch(Source& source, const RuleSet& rules, const ExtractOptions& extract, const BatchOptions& batch,
               const RecordWriter* writer, const std::function<void(BatchItem&)>& consume);

}  // namespace claimx
