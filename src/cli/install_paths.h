#pragma once
// Where an installed claimx keeps its files. The prefix is fixed when CMake configures the build
// (cmake/install.cmake passes it in), but an install is also found beside the running binary, so
// `cmake --install --prefix DIR` and an unpacked .deb work wherever they are put.
#include <optional>
#include <string>

namespace claimx::cli {

// The rules folder of the configured prefix, e.g. /usr/local/share/claimx/rules.
std::string configured_rules_dir();

// Where the README and docs/rules.md are installed, e.g. /usr/local/share/doc/claimx.
std::string configured_doc_dir();

// The installed copy of the default rules: first the folder at the configured path relative to
// the running binary (bin/../share/claimx/rules), then configured_rules_dir(); nullopt when
// neither exists (a build tree, where the embedded copy is all there is).
std::optional<std::string> installed_rules_dir();

}  // namespace claimx::cli
