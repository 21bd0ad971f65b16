#pragma once
// Stable ids: "person:nora-talbrook-quist", "place:sao-paulo". ICU transliterates any script to
// Latin ASCII and lower-cases; everything that is not a letter or digit becomes one hyphen.
#include <string>
#include <string_view>

namespace claimx {

std::string slug(std::string_view name);

}  // namespace claimx
