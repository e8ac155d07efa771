#include "indexer/doc/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace vankien {
namespace {

// The descriptor number the child reads its input from ("/dev/fd/3").
constexpr int kChildInputFd = 3;
constexpr std::size_t kMaxStderrBytes = 4096;

// Closes a descriptor at scope exit.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Reset(int fd = -1) {
    if (fd_ >= 0) close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// An anonymous in-memory file holding `input`, numbered above the standard descriptors and the
// child's input slot so that dup2 into the slot always makes a fresh, inheritable descriptor.
Result<int> InputFile(std::string_view input) {
  const int raw = memfd_create("vankien-input", MFD_CLOEXEC);
  if (raw < 0) return Status::Internal(Errno("cannot create an in-memory file"));
  Fd memfd(raw);
  std::size_t done = 0;
  while (done < input.size()) {
    const ssize_t n = write(memfd.get(), input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::ResourceExhausted(Errno("cannot hold the input in memory"));
    done += static_cast<std::size_t>(n);
  }
  if (lseek(memfd.get(), 0, SEEK_SET) != 0) return Status::Internal(Errno("cannot rewind the input"));
  const int high = fcntl(memfd.get(), F_DUPFD_CLOEXEC, 10);
  if (high < 0) return Status::Internal(Errno("cannot move the input descriptor"));
  return high;
}

}  // namespace

Result<ProgramOutput> RunProgram(const std::vector<std::string>& argv, std::string_view input,
                                 std::string_view package, const ProgramLimits& limits) {
  if (argv.empty()) return Status::InvalidArgument("no program to run");
  auto in = InputFile(input);
  if (!in.ok()) return in.status();
  Fd input_fd(*in);
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Status::Internal(Errno("cannot create a pipe"));
  Fd out_read(out_pipe[0]), out_write(out_pipe[1]);
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return Status::Internal(Errno("cannot create a pipe"));
  Fd err_read(err_pipe[0]), err_write(err_pipe[1]);

  std::vector<std::string> args = argv;
  for (std::string& a : args) {
    if (a == "{input}") a = "/dev/fd/" + std::to_string(kChildInputFd);
  }
  std::vector<char*> c_args;
  for (std::string& a : args) c_args.push_back(a.data());
  c_args.push_back(nullptr);
  // A minimal environment: the helper must not pick up the user's locale or configuration.
  std::vector<std::string> env = {"LC_ALL=C.UTF-8"};
  if (const char* path = std::getenv("PATH")) env.push_back(std::string("PATH=") + path);
  if (const char* home = std::getenv("HOME")) env.push_back(std::string("HOME=") + home);
  std::vector<char*> c_env;
  for (std::string& e : env) c_env.push_back(e.data());
  c_env.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
  posix_spawn_file_actions_adddup2(&actions, input_fd.get(), kChildInputFd);
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return Status::NotFound(argv[0] + " is not installed; install the Debian package " +
                            std::string(package) + " (tools/setup.sh does) and index again");
  }
  if (spawned != 0) {
    return Status::Internal("cannot start " + argv[0] + ": " + std::strerror(spawned));
  }
  out_write.Reset();
  err_write.Reset();
  input_fd.Reset();

  ProgramOutput result;
  Status stopped;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(limits.max_seconds * 1000));
  bool out_open = true, err_open = true;
  char buf[1 << 16];
  while ((out_open || err_open) && stopped.ok()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      stopped = Status::ResourceExhausted(argv[0] + " took longer than " +
                                          std::to_string(static_cast<long long>(limits.max_seconds)) +
                                          " s and was stopped");
      break;
    }
    pollfd fds[2] = {{out_open ? out_read.get() : -1, POLLIN, 0}, {err_open ? err_read.get() : -1, POLLIN, 0}};
    const int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) {
      stopped = Status::Internal(Errno("cannot wait for the helper's output"));
      break;
    }
    if (ready <= 0) continue;
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || fds[k].revents == 0) continue;
      const ssize_t n = read(fds[k].fd, buf, sizeof buf);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        (k == 0 ? out_open : err_open) = false;
        continue;
      }
      if (k == 0) {
        result.out.append(buf, static_cast<std::size_t>(n));
        if (result.out.size() > limits.max_output_bytes) {
          stopped = Status::ResourceExhausted(argv[0] + " wrote more than " +
                                              std::to_string(limits.max_output_bytes >> 20) +
                                              " MB and was stopped");
        }
      } else if (result.err.size() < kMaxStderrBytes) {
        result.err.append(buf, std::min(static_cast<std::size_t>(n), kMaxStderrBytes - result.err.size()));
      }
    }
  }
  if (!stopped.ok()) kill(pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!stopped.ok()) return stopped;
  result.exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  return result;
}

}  // namespace vankien
