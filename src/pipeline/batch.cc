#include "pipeline/batch.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

namespace claimx {

namespace {

struct Chunk {
  std::vector<RawDocument> raw;
  std::vector<BatchItem> items;
};

}  // namespace

void run_batch(Source& source, const RuleSet& rules, const ExtractOptions& extract, const BatchOptions& batch,
               const RecordWriter* writer, const std::function<void(BatchItem&)>& consume) {
  int threads = batch.threads > 0 ? batch.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  std::size_t in_flight = batch.in_flight > 0 ? batch.in_flight : static_cast<std::size_t>(threads) * 2;
  tbb::enumerable_thread_specific<std::unique_ptr<Extractor>> extractors;
  std::atomic<std::size_t> read{0};  // documents taken from the source so far
  std::size_t consumed = 0;          // documents handed to `consume` so far (output stage only)
  bool exhausted = false;            // input stage only
  std::atomic<int> workers{0};       // Extractors made so far

  // Input, serial: the next chunk. Chunks grow from one document, doubling, so that a small input
  // is still shared among the workers.
  auto read_chunk = [&](tbb::flow_control& fc) -> Chunk* {
    auto chunk = std::make_unique<Chunk>();
    const std::size_t limit =
        std::clamp<std::size_t>(read.load(std::memory_order_relaxed), 1, std::max<std::size_t>(1, batch.chunk_docs));
    std::size_t bytes = 0;
    while (!exhausted && chunk->raw.size() < limit &&
           (chunk->raw.empty() || (bytes < batch.chunk_bytes && source.ready()))) {
      RawDocument doc;
      if (!source.next(doc)) {
        exhausted = true;
        break;
      }
      bytes += doc.bytes.size();
      chunk->raw.push_back(std::move(doc));
      read.fetch_add(1, std::memory_order_release);
    }
    if (chunk->raw.empty()) {
      fc.stop();
      return nullptr;
    }
    return chunk.release();
  };
  // Extraction, in parallel: each worker thread has its own Extractor.
  auto extract_chunk = [&](Chunk* chunk) -> Chunk* {
    auto& ex = extractors.local();
    if (!ex) ex = std::make_unique<Extractor>(rules, extract, workers++ % 2 == 1);
    auto docs = ex->run(chunk->raw);
    chunk->raw.clear();
    chunk->items.resize(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      auto& item = chunk->items[i];
      item.doc = std::move(docs[i]);
      if (writer != nullptr) writer->write(item.doc, item.output, item.counts);
    }
    return chunk;
  };
  // Output, serial, in input order.
  auto hand_back = [&](Chunk* chunk) {
    std::unique_ptr<Chunk> owned(chunk);
    for (auto& item : owned->items) {
      item.caught_up = ++consumed == read.load(std::memory_order_acquire);
      consume(item);
    }
  };
  tbb::parallel_pipeline(in_flight,
                         tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order, read_chunk) &
                             tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, extract_chunk) &
                             tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, hand_back));
}

}  // namespace claimx
