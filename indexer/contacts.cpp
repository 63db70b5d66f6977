#include "contacts.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_contacts(const Guide&, const std::vector<std::vector<std::string>>&) { return {}; }

}  // namespace coopatlas::indexer
