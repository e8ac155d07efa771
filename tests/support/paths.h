// Test helpers: where the shared data lives, fresh temporary directories, running the CLI.
#ifndef VANKIEN_TESTS_SUPPORT_PATHS_H_
#define VANKIEN_TESTS_SUPPORT_PATHS_H_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace vankien::test_support {

// ../shared beside the checkout, or $VANKIEN_SHARED. Empty when absent.
inline std::string SharedDir() {
  const char* env = std::getenv("VANKIEN_SHARED");
  std::filesystem::path p = env != nullptr ? std::filesystem::path(env)
                                           : std::filesystem::path(VANKIEN_SOURCE_DIR) / ".." / "shared";
  std::error_code ec;
  return std::filesystem::is_directory(p / "data", ec) ? p.lexically_normal().string() : std::string();
}

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("vankien-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout (stderr is captured into `out` only when asked)
};

// Runs a shell command line and captures its stdout.
inline CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Single-quotes `s` for the shell.
inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

// The bundled sample archive.
inline std::string CorpusDir() { return std::string(VANKIEN_SOURCE_DIR) + "/corpus"; }

inline std::string VankienBinary() { return std::string(VANKIEN_BINARY_DIR) + "/bin/vankien"; }

}  // namespace vankien::test_support

#endif  // VANKIEN_TESTS_SUPPORT_PATHS_H_
