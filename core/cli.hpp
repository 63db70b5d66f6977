#pragma once
/// @file cli.hpp
/// A small command-line parser shared by the three executables: declared
/// options grouped for --help, "--flag value" and "--flag=value", positional
/// words, and UsageError (exit code 2) for anything else.

#include <algorithm>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coopatlas::cli {

struct Option {
    std::string name;        ///< without the dashes: "radius-km"
    std::string value_name;  ///< empty for a switch: "R"
    std::string help;
    std::string group = "Options";
};

class Parser {
public:
    Parser(std::string program, std::string synopsis, std::string description);
    Parser& add(Option option);

    /// Parses argv. Throws UsageError on an unknown option or a missing value.
    void parse(int argc, const char* const argv[]);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    /// Integer option in [min, max]; throws UsageError naming the option.
    std::optional<long> get_int(const std::string& name, long min, long max) const;
    std::optional<double> get_double(const std::string& name, double min, double max) const;
    const std::vector<std::string>& positional() const { return positional_; }

    std::string help() const;

    /// Prints the help or the versions when --help or --version was given and
    /// returns true: the caller then exits with 0.
    bool answered_help_or_version(std::ostream& out) const;

private:
    const Option* find(const std::string& name) const;

    std::string program_, synopsis_, description_;
    std::vector<Option> options_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

/// Runs `body` and maps exceptions to the documented exit codes: 0 success,
/// 1 runtime failure, 2 bad usage; messages go to stderr prefixed by `program`.
int run_main(const std::string& program, const std::function<int()>& body);

}  // namespace coopatlas::cli
