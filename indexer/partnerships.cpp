#include "partnerships.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_partnerships(const Guide&, const std::vector<std::vector<std::string>>&) { return {}; }

}  // namespace coopatlas::indexer
