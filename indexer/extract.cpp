#include "extract.hpp"

#include "passages.hpp"
#include "sections.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_records(const Guide& guide) {
    auto sections = section_paths(guide);
    return extract_passages(guide, sections);
}

}  // namespace coopatlas::indexer
