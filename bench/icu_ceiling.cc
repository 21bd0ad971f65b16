// Ceiling 1: the least any Unicode-correct pipeline must do to every byte. Each file goes through
// ICU alone: UTF-8 -> UTF-16, NFC normalization, and a sentence-break pass (no offset map, no
// abbreviation handling, no rules). Usage: bench_icu_ceiling FILE-LIST [REPEAT]
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "bench_util.h"

using namespace claimx::bench;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_icu_ceiling FILE-LIST [REPEAT]\n";
    return 2;
  }
  const auto docs = read_listed_files(argv[1]);
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::unique_ptr<icu::BreakIterator> breaker(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status)) {
    std::cerr << "ICU unavailable: " << u_errorName(status) << "\n";
    return 1;
  }
  long long sentences = 0;
  Timing t = best_of(repeat, [&] {
    sentences = 0;
    for (const auto& d : docs) {
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(d.data(), static_cast<int32_t>(d.size())));
      icu::UnicodeString n = nfc->normalize(u, st);
      breaker->setText(n);
      for (int32_t b = breaker->first(); b != icu::BreakIterator::DONE; b = breaker->next()) ++sentences;
    }
  });
  print_result("icu-nfc-sentences", docs.size(), total_bytes(docs), t, sentences);
}
