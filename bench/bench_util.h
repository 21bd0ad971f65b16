#pragma once
// Shared by the bench/ programs: the file list bench/run writes (one path a line), read into memory
// before any timing starts, and a timer that reports wall and CPU seconds as one JSON line, the
// form bench/run parses.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimx::bench {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The contents of every file named in `list`, in order.
inline std::vector<std::string> read_listed_files(const std::string& list) {
  std::vector<std::string> docs;
  std::ifstream in(list);
  if (!in) throw std::runtime_error("cannot read " + list);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) docs.push_back(read_file(line));
  return docs;
}

inline std::size_t total_bytes(const std::vector<std::string>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

inline double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timing {
  double wall = 0, cpu = 0;
};

// Runs `pass` `repeat` times and keeps the fastest (the machine may be busy with other work).
template <class F>
Timing best_of(int repeat, F&& pass) {
  Timing best{1e300, 1e300};
  for (int i = 0; i < repeat; ++i) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = cpu_now();
    pass();
    const double cpu = cpu_now() - c0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    if (wall < best.wall) best.wall = wall;
    if (cpu < best.cpu) best.cpu = cpu;
  }
  return best;
}

inline void print_result(const char* name, std::size_t docs, std::size_t bytes, Timing t, long long items) {
  std::printf("{\"name\":\"%s\",\"docs\":%zu,\"bytes\":%zu,\"seconds\":%.6f,\"cpu_seconds\":%.6f,\"items\":%lld}\n",
              name, docs, bytes, t.wall, t.cpu, items);
}

}  // namespace claimx::bench
