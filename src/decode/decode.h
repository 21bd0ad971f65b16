#pragma once
// decode: raw bytes -> valid UTF-8 text.
// In:  the bytes of one document as read from disk.
// Out: UTF-8 text with any byte-order mark removed. UTF-8 is validated; UTF-16/32 (with a BOM, or
//      recognised by their NUL-byte pattern) and legacy 8-bit text (Windows-1252, Latin-1, chosen
//      with ICU's charset detector) are converted with ICU; bytes that cannot be decoded become
//      U+FFFD and a warning. Binary data (NUL bytes in the first block) and empty input give an
//      error instead of text. Never throws.
#include <string>
#include <string_view>
#include <vector>

namespace claimx {

struct Decoded {
  std::string text;                   // valid UTF-8
  std::string encoding;               // what the bytes were read as ("UTF-8", "windows-1252", ...)
  std::vector<std::string> warnings;  // e.g. "3 invalid UTF-8 sequences replaced with U+FFFD"
  std::string error;                  // non-empty: no text could be produced
};

Decoded decode(std::string_view bytes);

// True when `bytes` is entirely valid UTF-8 (no surrogates, no overlongs).
bool is_valid_utf8(std::string_view bytes);

// `bytes` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view bytes);

}  // namespace claimx
