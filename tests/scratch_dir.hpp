#pragma once
// A per-process scratch path under the system temp directory, for tests that write files.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace coopatlas::test_support {

/// temp/coopatlas-<name>-<pid>, removed first so that a test starts from nothing;
/// the pid keeps parallel CTest processes apart. Not created: writers under test
/// often must create it themselves.
inline std::filesystem::path scratch_path(const std::string& name) {
    std::filesystem::path p =
        std::filesystem::temp_directory_path() / ("coopatlas-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    return p;
}

}  // namespace coopatlas::test_support
