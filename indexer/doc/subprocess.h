// RunProgram: runs a helper program (antiword, …) on input it is handed as a file descriptor and
// captures its output, with hard limits on time and output size, so that a hostile or damaged
// input can make the helper fail but never stall or flood the indexer.
// Internal to indexer/doc. Thread-safety: a pure function; calls may run concurrently.
#ifndef VANKIEN_INDEXER_DOC_SUBPROCESS_H_
#define VANKIEN_INDEXER_DOC_SUBPROCESS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien {

struct ProgramLimits {
  double max_seconds = 60;                 // killed (SIGKILL) after this long
  std::size_t max_output_bytes = 256u << 20;  // killed once stdout grows past this
};

struct ProgramOutput {
  int exit_code = 0;        // the program's exit status (0 usually means success)
  std::string out;          // everything it wrote to stdout
  std::string err;          // the first 4 KB it wrote to stderr
};

// Runs argv[0] (looked up in PATH) with argv[1..]. Each argument equal to "{input}" is replaced
// by a path (/dev/fd/N) through which the child reads `input`: an anonymous in-memory file, so no
// temporary file is left behind and the input may be seeked. The child gets no stdin and an
// empty environment but PATH and LC_ALL=C.UTF-8.
// Errors: kNotFound when the program is not installed (the message names the Debian package
// `package`), kResourceExhausted when it ran longer than max_seconds or wrote more than
// max_output_bytes, kInternal when it could not be started. A non-zero exit is not an error
// here: the caller reads exit_code and err.
Result<ProgramOutput> RunProgram(const std::vector<std::string>& argv, std::string_view input,
                                 std::string_view package, const ProgramLimits& limits = {});

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_SUBPROCESS_H_
