#pragma once
/// @file string_map.hpp
/// A hash map keyed by std::string that is looked up by std::string_view, so
/// that asking for a slice of a longer text ("stadt" in "partnerstadt")
/// allocates no string per lookup.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace coopatlas {

/// Hashes a std::string and a std::string_view alike (heterogeneous lookup).
/// Not noexcept on purpose: libstdc++ then keeps each key's hash code in its
/// node, so that walking a bucket compares codes instead of hashing every
/// key it passes again (as std::hash<std::string> does).
struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

}  // namespace coopatlas
