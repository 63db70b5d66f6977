#pragma once
// Membership in a sequence, until C++23's std::ranges::contains.
#include <algorithm>
#include <iterator>

namespace coopatlas {

template <class Range, class V>
bool contains(const Range& list, const V& value) {
    return std::ranges::find(list, value) != std::ranges::end(list);
}

}  // namespace coopatlas
