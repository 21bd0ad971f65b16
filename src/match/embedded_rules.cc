#include <cstdlib>
#include <string_view>

#include "match/rule_set.h"

// Defined by the generated embedded_rules.S: the blob cmake/pack_rules.cmake writes.
extern "C" const char claimx_rules_blob[];
extern "C" const char claimx_rules_blob_end[];

namespace claimx {

std::map<std::string, std::string> embedded_rule_files() {
  std::map<std::string, std::string> files;
  std::string_view blob(claimx_rules_blob, static_cast<std::size_t>(claimx_rules_blob_end - claimx_rules_blob));
  while (!blob.empty()) {
    auto nl = blob.find('\n');
    if (nl == std::string_view::npos) break;
    std::string path(blob.substr(0, nl));
    blob.remove_prefix(nl + 1);
    nl = blob.find('\n');
    if (nl == std::string_view::npos) break;
    std::size_t size = std::strtoull(std::string(blob.substr(0, nl)).c_str(), nullptr, 10);
    blob.remove_prefix(nl + 1);
    if (size > blob.size()) break;
    files.emplace(std::move(path), std::string(blob.substr(0, size)));
    blob.remove_prefix(size);
  }
  return files;
}

}  // namespace claimx
