#pragma once
// Helpers for tests: temporary folders, files with exact bytes, running the built claimx binary.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace claimx::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("claimx-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int status = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `claimx ARGS` through the shell (args are inserted as written: quote them yourself).
inline RunResult run_claimx(const std::string& args, const std::string& stdin_text = "") {
  static TempDir scratch;
  static int n = 0;
  ++n;
  auto in = scratch.write("stdin" + std::to_string(n), stdin_text);
  auto out = scratch.path() / ("stdout" + std::to_string(n));
  auto err = scratch.path() / ("stderr" + std::to_string(n));
  std::string cmd = std::string(CLAIMX_BINARY) + " " + args + " <" + in.string() + " >" + out.string() + " 2>" +
                    err.string();
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// Lines of text.
inline std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto nl = s.find('\n', i);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(i, nl - i));
    i = nl + 1;
  }
  return out;
}

}  // namespace claimx::testing
