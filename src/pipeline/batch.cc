#include "pipeline/batch.h"

#include <atomic>
#include <memory>
#include <thread>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

namespace claimx {

void run_batch(Source& source, const RuleSet& rules, const ExtractOptions& extract, const BatchOptions& batch,
               const RecordWriter* writer, const std::function<void(BatchItem&)>& consume) {
  int threads = batch.threads > 0 ? batch.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  std::size_t in_flight = batch.in_flight > 0 ? batch.in_flight : static_cast<std::size_t>(threads) * 4;
  tbb::enumerable_thread_specific<std::unique_ptr<Extractor>> extractors;
  std::atomic<std::size_t> read{0};  // documents taken from the source so far
  std::size_t consumed = 0;          // documents handed to `consume` so far (output stage only)

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, RawDocument*>(tbb::filter_mode::serial_in_order,
                                           [&](tbb::flow_control& fc) -> RawDocument* {
                                             auto doc = std::make_unique<RawDocument>();
                                             if (!source.next(*doc)) {
                                               fc.stop();
                                               return nullptr;
                                             }
                                             read.fetch_add(1, std::memory_order_release);
                                             return doc.release();
                                           }) &
          tbb::make_filter<RawDocument*, BatchItem*>(tbb::filter_mode::parallel,
                                                     [&](RawDocument* raw) -> BatchItem* {
                                                       std::unique_ptr<RawDocument> owned(raw);
                                                       auto& ex = extractors.local();
                                                       if (!ex) ex = std::make_unique<Extractor>(rules, extract);
                                                       auto item = std::make_unique<BatchItem>();
                                                       item->doc = ex->run(*owned);
                                                       if (writer != nullptr) writer->write(item->doc, item->output, item->counts);
                                                       return item.release();
                                                     }) &
          tbb::make_filter<BatchItem*, void>(tbb::filter_mode::serial_in_order, [&](BatchItem* item) {
            std::unique_ptr<BatchItem> owned(item);
            owned->caught_up = ++consumed == read.load(std::memory_order_acquire);
            consume(*owned);
          }));
}

}  // namespace claimx
