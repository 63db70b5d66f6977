#include "programmes.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_programmes(const Guide&, const std::vector<std::vector<std::string>>&) { return {}; }

}  // namespace coopatlas::indexer
