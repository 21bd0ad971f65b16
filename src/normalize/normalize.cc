#include "normalize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace claimx {

namespace {

const icu::Normalizer2& nfc(const void* p) { return *static_cast<const icu::Normalizer2*>(p); }

// The plain form of a code point in the match text; nullptr when it stays as it is.
const char* plain_form(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: case '\t': case '\f': case '\v':
      return " ";
    case '\r': case 0x0085: case 0x2028: case 0x2029:
      return "\n";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";  // invisible: dropped from the match text
    default:
      return nullptr;
  }
}

}  // namespace

CodePointSpan MatchText::to_original(std::size_t b, std::size_t e) const {
  if (b >= text_.size()) return {total_cp_, total_cp_};
  if (e <= b) return {begin_cp_[b], begin_cp_[b]};
  if (e > text_.size()) e = text_.size();
  return {begin_cp_[b], end_cp_[e - 1]};
}

OriginalText::OriginalText(std::string utf8) : text_(std::move(utf8)) {
  cp_byte_.reserve(text_.size() + 1);
  const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
  int32_t i = 0, n = static_cast<int32_t>(text_.size());
  while (i < n) {
    cp_byte_.push_back(static_cast<std::uint32_t>(i));
    U8_FWD_1(p, i, n);
  }
  cp_byte_.push_back(static_cast<std::uint32_t>(n));
}

std::string_view OriginalText::slice(CodePointSpan s) const {
  std::uint32_t last = size_cp();
  std::uint32_t b = std::min(s.begin, last), e = std::min(std::max(s.end, b), last);
  return std::string_view(text_).substr(cp_byte_[b], cp_byte_[e] - cp_byte_[b]);
}

TextNormalizer::TextNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer unavailable");
}

MatchText TextNormalizer::run(std::string_view original) const {
  MatchText m;
  m.text_.reserve(original.size());
  m.begin_cp_.reserve(original.size());
  m.end_cp_.reserve(original.size());
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t n = static_cast<int32_t>(original.size());
  const icu::Normalizer2& norm = nfc(nfc_);

  auto emit = [&m](std::string_view bytes, std::uint32_t b, std::uint32_t e) {
    m.text_.append(bytes);
    m.begin_cp_.insert(m.begin_cp_.end(), bytes.size(), b);
    m.end_cp_.insert(m.end_cp_.end(), bytes.size(), e);
  };
  auto emit_cp = [&](UChar32 c, std::uint32_t b, std::uint32_t e) {
    if (const char* plain = plain_form(c)) {
      emit(plain, b, e);
      return;
    }
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    (void)err;
    emit(std::string_view(buf, len), b, e);
  };

  int32_t i = 0;
  std::uint32_t cp = 0;
  icu::UnicodeString segment;
  while (i < n) {
    const int32_t seg_start = i;
    const std::uint32_t seg_cp = cp;
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    ++cp;
    if (c == '\r' && i < n && p[i] == '\n') {  // CRLF: one line break covering both
      ++i;
      ++cp;
      emit("\n", seg_cp, cp);
      continue;
    }
    // Extend to the next NFC boundary: a base character and the marks that combine with it. As in
    // Unicode's Stream-Safe Text Format (UAX #15), a run is cut after kMaxCombiningRun marks:
    // ICU reorders marks by insertion, so one long run (a "Zalgo" text, or an attack) would take
    // time quadratic in its length, and no real text has one.
    constexpr int kMaxCombiningRun = 30;
    bool needs_nfc = c >= 0x300;
    for (int marks = 0; i < n && p[i] >= 0x80 && marks < kMaxCombiningRun; ++marks) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT_OR_FFFD(p, j, n, next);
      if (norm.hasBoundaryBefore(next)) break;
      needs_nfc = true;
      i = j;
      ++cp;
    }
    if (!needs_nfc) {
      emit_cp(c, seg_cp, cp);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    segment = icu::UnicodeString::fromUTF8(icu::StringPiece(original.data() + seg_start, i - seg_start));
    icu::UnicodeString composed = norm.normalize(segment, status);
    if (U_FAILURE(status)) composed = segment;
    for (int32_t k = 0; k < composed.length();) {
      UChar32 d = composed.char32At(k);
      k += U16_LENGTH(d);
      emit_cp(d, seg_cp, cp);
    }
  }
  m.total_cp_ = cp;
  return m;
}

}  // namespace claimx
