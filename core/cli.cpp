#include "cli.hpp"

#include <xapian.h>

#include <iostream>
#include <sstream>

#include "error.hpp"
#include "version.hpp"

namespace coopatlas::cli {

Parser::Parser(std::string program, std::string synopsis, std::string description)
    : program_(std::move(program)), synopsis_(std::move(synopsis)), description_(std::move(description)) {
    add({"help", "", "show this help and exit", "General"});
    add({"version", "", "print the versions of coopatlas and its libraries and exit", "General"});
}

Parser& Parser::add(Option option) {
    options_.push_back(std::move(option));
    return *this;
}

const Option* Parser::find(const std::string& name) const {
    for (const auto& o : options_)
        if (o.name == name) return &o;
    return nullptr;
}

void Parser::parse(int argc, const char* const argv[]) {
    bool only_positional = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (only_positional || arg.size() < 2 || arg.rfind("--", 0) != 0) {
            if (!only_positional && arg.size() > 1 && arg[0] == '-' &&
                !std::isdigit(static_cast<unsigned char>(arg[1])))
                throw UsageError("unknown option '" + arg + "' (try --help)");
            positional_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const Option* option = find(name);
        if (!option) throw UsageError("unknown option '--" + name + "' (try --help)");
        if (option->value_name.empty()) {
            if (inline_value) throw UsageError("option '--" + name + "' takes no value");
            values_[name] = "";
        } else if (inline_value) {
            values_[name] = *inline_value;
        } else {
            if (i + 1 >= argc) throw UsageError("option '--" + name + "' needs a value " + option->value_name);
            values_[name] = argv[++i];
        }
    }
}

std::optional<std::string> Parser::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Parser::get_or(const std::string& name, const std::string& fallback) const {
    return get(name).value_or(fallback);
}

std::optional<long> Parser::get_int(const std::string& name, long min, long max) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    try {
        size_t used = 0;
        long n = std::stol(*v, &used);
        if (used != v->size()) throw std::invalid_argument(*v);
        if (n < min || n > max) throw std::out_of_range(*v);
        return n;
    } catch (const std::exception&) {
        throw UsageError("--" + name + " must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got '" + *v + "'");
    }
}

std::optional<double> Parser::get_double(const std::string& name, double min, double max) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    try {
        size_t used = 0;
        double n = std::stod(*v, &used);
        if (used != v->size() || !(n >= min && n <= max)) throw std::out_of_range(*v);
        return n;
    } catch (const std::exception&) {
        std::ostringstream msg;
        msg << "--" << name << " must be a number from " << min << " to " << max << ", got '" << *v << "'";
        throw UsageError(msg.str());
    }
}

std::string Parser::help() const {
    std::ostringstream out;
    out << "Usage: " << program_ << " " << synopsis_ << "\n\n" << description_ << "\n";
    std::vector<std::string> groups;
    for (const auto& o : options_)
        if (std::find(groups.begin(), groups.end(), o.group) == groups.end()) groups.push_back(o.group);
    for (const auto& g : groups) {
        out << "\n" << g << ":\n";
        for (const auto& o : options_) {
            if (o.group != g) continue;
            std::string left = "  --" + o.name + (o.value_name.empty() ? "" : " " + o.value_name);
            out << left << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ') << o.help << "\n";
        }
    }
    out << "\nExit codes: 0 success, 1 runtime failure, 2 bad usage.\n";
    return out.str();
}

bool Parser::answered_help_or_version(std::ostream& out) const {
    if (has("help")) {
        out << help();
        return true;
    }
    if (has("version")) {
        out << version_string() << "\n";
        return true;
    }
    return false;
}

int run_main(const std::string& program, const std::function<int()>& body) {
    try {
        return body();
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << program << ": Xapian: " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace coopatlas::cli
