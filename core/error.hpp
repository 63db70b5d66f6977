#pragma once
/// @file error.hpp
/// The project's small exception hierarchy. Library code throws these; only
/// main() functions and HTTP handlers turn them into exit codes or status codes.

#include <stdexcept>
#include <string>

namespace coopatlas {

/// Base of every error coopatlas raises on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad command-line arguments or request parameters (exit code 2, HTTP 400).
class UsageError : public Error {
public:
    using Error::Error;
};

/// Something asked for does not exist (HTTP 404).
class NotFoundError : public Error {
public:
    using Error::Error;
};

/// A request or input exceeding a documented limit (HTTP 413).
class TooLargeError : public Error {
public:
    using Error::Error;
};

/// The guide text could not be parsed; carries the line number.
class ParseError : public Error {
public:
    ParseError(const std::string& message, int line)
        : Error("line " + std::to_string(line) + ": " + message), line_(line) {}
    int line() const noexcept { return line_; }

private:
    int line_;
};

/// A record could not be placed on the map; carries the record id.
class GeocodeError : public Error {
public:
    GeocodeError(const std::string& message, const std::string& record_id)
        : Error(record_id + ": " + message), record_id_(record_id) {}
    const std::string& record_id() const noexcept { return record_id_; }

private:
    std::string record_id_;
};

/// The index is missing, half-written or of another version (HTTP 503).
class IndexError : public Error {
public:
    using Error::Error;
};

}  // namespace coopatlas
