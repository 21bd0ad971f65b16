#include "resolve/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace claimx {

namespace {

// Transliterators are expensive to build and not thread-safe: one per thread.
icu::Transliterator* ascii_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

}  // namespace

std::string slug(std::string_view name) {
  std::string ascii;
  bool plain = true;
  for (char c : name) plain = plain && static_cast<unsigned char>(c) < 0x80;
  if (plain) {
    ascii.assign(name);
  } else if (auto* t = ascii_transliterator()) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    t->transliterate(u);
    u.toUTF8String(ascii);
  } else {
    ascii.assign(name);
  }
  std::string out;
  bool dash = false;
  for (char c : ascii) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(u));
    } else if (c != '\'' && c != '.') {  // "O'Brien" -> obrien, "U.S." -> us
      dash = true;
    }
  }
  return out;
}

}  // namespace claimx
