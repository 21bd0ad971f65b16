// JSONL on a piped stdin streams: each article's records come out while the input is still open,
// as a Hadoop Streaming or Spark pipe() mapper, or a service feeding articles one by one, needs.
#include <catch2/catch.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "test_support.h"

namespace {

// claimx with a pipe to its stdin and one from its stdout.
class Child {
 public:
  explicit Child(const char* threads) {
    int in[2], out[2];
    REQUIRE(pipe(in) == 0);
    REQUIRE(pipe(out) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(in[0], STDIN_FILENO);
      dup2(out[1], STDOUT_FILENO);
      close(in[0]), close(in[1]), close(out[0]), close(out[1]);
      execl(CLAIMX_BINARY, CLAIMX_BINARY, "-q", "--per-doc", "-j", threads, "--input", "jsonl", "-",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    to_ = in[1];
    from_ = out[0];
  }
  ~Child() {
    close_input();
    if (from_ >= 0) close(from_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  void send(const std::string& line) { REQUIRE(write(to_, line.data(), line.size()) == static_cast<ssize_t>(line.size())); }
  void close_input() {
    if (to_ >= 0) close(to_);
    to_ = -1;
  }
  // Everything the child has written, once it includes `want` or after `seconds`.
  std::string read_until(const std::string& want, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (got_.find(want) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{from_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[4096];
      ssize_t n = read(from_, buf, sizeof buf);
      if (n <= 0) break;
      got_.append(buf, static_cast<std::size_t>(n));
    }
    return got_;
  }
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  std::string got_;
};

}  // namespace

TEST_CASE("JSONL on a pipe: each article's output comes out before the input ends") {
  for (const char* threads : {"1", "2"}) {
    Child c(threads);
    INFO("threads " << threads);
    // --per-doc: one line per article, whatever the rules find in it. The input stays open, so
    // without streaming the output never comes; the wait is only a deadline for that hang, long
    // enough for a start-up (compiling every rule) on a saturated machine.
    c.send("{\"id\":\"first\",\"text\":\"Kevin Cooper said on Monday that the bridge opened in 1983.\"}\n");
    REQUIRE(c.read_until("\"doc\":\"first\"", 300).find("\"doc\":\"first\"") != std::string::npos);
    c.send("{\"id\":\"second\",\"text\":\"The bridge closed in 2019.\"}\n");
    CHECK(c.read_until("\"doc\":\"second\"", 300).find("\"doc\":\"second\"") != std::string::npos);
    c.close_input();
    CHECK(c.wait_exit() == 0);
  }
}
