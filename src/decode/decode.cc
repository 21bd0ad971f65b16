#include "decode/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

namespace claimx {

namespace {

constexpr std::size_t kSniffBytes = 8192;

// Converts `bytes` from `charset` to UTF-8 with ICU; counts substituted characters.
bool convert(std::string_view bytes, const char* charset, std::string& out, int& substitutions) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(conv, ucnv_close);
  // Decode to UTF-16 first, then to UTF-8: ICU's substitution callback marks bad input as U+FFFD.
  std::u16string wide(bytes.size() + 16, u'\0');
  UChar* target = reinterpret_cast<UChar*>(wide.data());
  const char* source = bytes.data();
  ucnv_toUnicode(conv, &target, target + wide.size(), &source, bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) return false;
  wide.resize(target - reinterpret_cast<UChar*>(wide.data()));
  substitutions = static_cast<int>(std::count(wide.begin(), wide.end(), u'\uFFFD'));
  out.clear();
  out.reserve(wide.size() * 3 / 2);
  for (std::size_t i = 0; i < wide.size();) {
    UChar32 c;
    U16_NEXT(wide.data(), i, wide.size(), c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
    (void)err;
    out.append(buf, n);
  }
  return true;
}

// UTF-16/32 without a BOM: ASCII-heavy text has a NUL in the same lane of most code units.
const char* sniff_wide(std::string_view head) {
  std::size_t lanes[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < head.size(); ++i)
    if (head[i] == '\0') ++lanes[i % 4];
  const double quarter = head.size() / 4.0;
  if (quarter < 2) return nullptr;
  auto high = [&](std::size_t k) { return lanes[k] > 0.8 * quarter; };
  auto low = [&](std::size_t k) { return lanes[k] < 0.2 * quarter; };
  if (high(1) && high(2) && high(3) && low(0)) return "UTF-32LE";
  if (high(0) && high(1) && high(2) && low(3)) return "UTF-32BE";
  if (high(1) && high(3) && low(0) && low(2)) return "UTF-16LE";
  if (high(0) && high(2) && low(1) && low(3)) return "UTF-16BE";
  return nullptr;
}

// Counts invalid sequences and valid multi-byte sequences in UTF-8 input.
void scan_utf8(std::string_view s, std::size_t& invalid, std::size_t& multibyte) {
  invalid = multibyte = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) ++invalid;
    else ++multibyte;
  }
}

// Picks the 8-bit charset for text that is not UTF-8. Windows-1252 is a superset of Latin-1's
// printable range, so it is the answer unless ICU's detector is confident of another one.
std::string detect_legacy(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "windows-1252";
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(det, ucsdet_close);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16)), &status);
  const UCharsetMatch* m = ucsdet_detect(det, &status);
  if (U_FAILURE(status) || m == nullptr) return "windows-1252";
  std::string name = ucsdet_getName(m, &status);
  int confidence = ucsdet_getConfidence(m, &status);
  if (U_FAILURE(status)) return "windows-1252";
  if (name == "ISO-8859-1" || name == "windows-1252" || name == "UTF-8") return "windows-1252";
  bool eight_bit = name.rfind("ISO-8859-", 0) == 0 || name.rfind("windows-125", 0) == 0 || name == "KOI8-R";
  return eight_bit && confidence >= 60 ? name : "windows-1252";
}

}  // namespace

std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) out += "\xEF\xBF\xBD";
    else out.append(s.data() + start, i - start);
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  std::size_t invalid = 0, multibyte = 0;
  scan_utf8(bytes, invalid, multibyte);
  return invalid == 0;
}

Decoded decode(std::string_view bytes) {
  Decoded d;
  if (bytes.empty()) {
    d.error = "empty document";
    return d;
  }
  struct Bom {
    std::string_view mark;
    const char* charset;
  };
  using namespace std::string_view_literals;
  static const Bom boms[] = {{"\x00\x00\xFE\xFF"sv, "UTF-32BE"}, {"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
                             {"\xEF\xBB\xBF"sv, "UTF-8"},         {"\xFE\xFF"sv, "UTF-16BE"},
                             {"\xFF\xFE"sv, "UTF-16LE"}};
  const char* wide = nullptr;
  for (const auto& b : boms) {
    if (bytes.substr(0, b.mark.size()) == b.mark) {
      bytes.remove_prefix(b.mark.size());
      wide = b.charset;
      break;
    }
  }
  if (bytes.empty()) {
    d.error = "empty document";
    return d;
  }
  if (wide == nullptr) {
    std::string_view head = bytes.substr(0, kSniffBytes);
    if (head.find('\0') != std::string_view::npos) {
      wide = sniff_wide(head);
      if (wide == nullptr) {
        d.error = "binary file (NUL bytes in the first 8 KiB)";
        return d;
      }
    }
  }
  if (wide != nullptr && std::string_view(wide) != "UTF-8") {
    int subs = 0;
    if (!convert(bytes, wide, d.text, subs)) {
      d.error = fmt::format("cannot decode as {}", wide);
      return d;
    }
    d.encoding = wide;
    if (subs > 0) d.warnings.push_back(fmt::format("{} undecodable {} sequences replaced with U+FFFD", subs, wide));
    return d;
  }
  std::size_t invalid = 0, multibyte = 0;
  scan_utf8(bytes, invalid, multibyte);
  if (invalid == 0) {
    d.text.assign(bytes);
    d.encoding = "UTF-8";
    return d;
  }
  // Mostly-valid UTF-8 with a few broken bytes stays UTF-8; text with no valid multi-byte
  // sequence at all is a legacy 8-bit encoding.
  if (multibyte > invalid) {
    d.text = to_valid_utf8(bytes);
    d.encoding = "UTF-8";
    d.warnings.push_back(fmt::format("{} invalid UTF-8 sequences replaced with U+FFFD", invalid));
    return d;
  }
  std::string charset = detect_legacy(bytes);
  int subs = 0;
  if (!convert(bytes, charset.c_str(), d.text, subs)) {
    d.error = fmt::format("cannot decode as {}", charset);
    return d;
  }
  d.encoding = charset;
  if (subs > 0) d.warnings.push_back(fmt::format("{} undecodable {} bytes replaced with U+FFFD", subs, charset));
  return d;
}

}  // namespace claimx
