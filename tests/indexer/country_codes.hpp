#pragma once
// The ISO codes of a list of countries, for comparing extractions in one EXPECT.
#include <string>
#include <vector>

#include "indexer/places/countries.hpp"

namespace coopatlas::test_support {

inline std::vector<std::string> country_codes(const std::vector<Country>& countries) {
    std::vector<std::string> out;
    for (const auto& c : countries) out.push_back(c.code);
    return out;
}

}  // namespace coopatlas::test_support
