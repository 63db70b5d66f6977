#pragma once
/// @file extract.hpp
/// guide -> records: every record type the indexer extracts, before geocoding.

#include <vector>

#include "core/record.hpp"
#include "indexer/extract/parties.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

/// With the party lexicon of the Etalab lists (default_party_lexicon), loaded
/// while the guide's display repair and sections are learnt.
std::vector<Record> extract_records(const Guide& guide);

/// With a lexicon already loaded (a caller extracting from many texts loads it once).
std::vector<Record> extract_records(const Guide& guide, const PartyLexicon& lexicon);

}  // namespace coopatlas::indexer
