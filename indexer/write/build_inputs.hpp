#pragma once
/// @file build_inputs.hpp
/// What an index was built from, for its meta.json: the files read (path,
/// size, modification time, SHA-256) and the versions of the npm data packages,
/// so that two indexes can be told apart and a build can be reproduced.

#include <nlohmann/json.hpp>
#include <string>

namespace coopatlas::indexer {

/// {"path" (absolute), "bytes", "modified" (UTC, ISO 8601), "sha256"} of a
/// regular file. Throws Error when it cannot be read.
nlohmann::json describe_file(const std::string& path);

/// {"path", "name", "version"} of the npm package in `package_dir` (its
/// package.json). Throws Error when package.json is missing or has no version.
nlohmann::json describe_npm_package(const std::string& package_dir);

}  // namespace coopatlas::indexer
