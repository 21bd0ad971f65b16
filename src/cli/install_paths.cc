#include "cli/install_paths.h"

#include <filesystem>

// These come from cmake/install.cmake; the fallbacks keep a build without it compiling.
#ifndef CLAIMX_RULES_INSTALL_DIR
#define CLAIMX_RULES_INSTALL_DIR "/usr/local/share/claimx/rules"
#endif
#ifndef CLAIMX_DOC_INSTALL_DIR
#define CLAIMX_DOC_INSTALL_DIR "/usr/local/share/doc/claimx"
#endif
#ifndef CLAIMX_RULES_FROM_BINDIR
#define CLAIMX_RULES_FROM_BINDIR "../share/claimx/rules"
#endif

namespace claimx::cli {

std::string configured_rules_dir() { return CLAIMX_RULES_INSTALL_DIR; }
std::string configured_doc_dir() { return CLAIMX_DOC_INSTALL_DIR; }

std::optional<std::string> installed_rules_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  // /proc/self/exe has symlinks resolved, so a ~/bin/claimx link to an install still finds it.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = (exe.parent_path() / CLAIMX_RULES_FROM_BINDIR).lexically_normal();
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  if (fs::is_directory(CLAIMX_RULES_INSTALL_DIR, ec)) return std::string(CLAIMX_RULES_INSTALL_DIR);
  return std::nullopt;
}

}  // namespace claimx::cli
