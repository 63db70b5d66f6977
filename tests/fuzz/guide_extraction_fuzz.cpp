// libFuzzer target: guide text -> records, the indexer's whole pipeline up to
// the index writers (indexer/index_build.cpp): parsing, every extractor
// (extract_records, with the Etalab lists), geocoding with the gazetteer the
// golden tests use, the merge of partners named two ways, and each record's
// JSON line. Xapian and the GeoPackage are left out: they write what they are
// given, and a write per input would make the runs a hundred times fewer.
// The party lexicon and the gazetteer load once per process.
//
// What must hold: no crash, and records a store can serve: ids "TYPE/slug",
// unique, of a known type, starting on a line of the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "indexer/extract/extract.hpp"
#include "indexer/extract/partnerships.hpp"
#include "indexer/geocode/gazetteer.hpp"
#include "indexer/geocode/geocoder.hpp"
#include "indexer/geocode/partner_merge.hpp"
#include "indexer/write/jsonl_writer.hpp"

namespace {

using namespace coopatlas;

/// COOPATLAS_FUZZ_GAZETTEER, else the golden tests' gazetteer (var/gazetteer.gpkg).
const indexer::Gazetteer& gazetteer() {
    static const indexer::Gazetteer loaded = [] {
        const char* given = std::getenv("COOPATLAS_FUZZ_GAZETTEER");
        const std::string path = given ? given : COOPATLAS_GAZETTEER;
        if (!std::filesystem::is_regular_file(path)) {
            std::fprintf(stderr,
                         "guide_extraction_fuzz: no gazetteer at %s: build it (scripts/index.sh) or set "
                         "COOPATLAS_FUZZ_GAZETTEER\n",
                         path.c_str());
            std::exit(1);
        }
        return indexer::Gazetteer::load(path);
    }();
    return loaded;
}

const indexer::PartyLexicon& lexicon() {
    static const indexer::PartyLexicon loaded = indexer::default_party_lexicon();
    return loaded;
}

[[noreturn]] void fail(const Record& r, const std::string& why) {
    std::fprintf(stderr, "guide_extraction_fuzz: record '%s' (type '%s', line %d): %s\n", r.id.c_str(), r.type.c_str(),
                 r.line, why.c_str());
    std::abort();
}

void check(const std::vector<Record>& records, size_t lines) {
    const std::set<std::string> types(record_types().begin(), record_types().end());
    std::set<std::string> ids;
    for (const Record& r : records) {
        if (!types.count(r.type)) fail(r, "unknown type");
        if (r.id.rfind(r.type + "/", 0) != 0 || r.id.size() == r.type.size() + 1) fail(r, "id is not TYPE/slug");
        if (!ids.insert(r.id).second) fail(r, "id given to two records");
        if (r.line < 1 || static_cast<size_t>(r.line) > lines) fail(r, "line outside the text");
        indexer::record_line(r);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    gazetteer();
    lexicon();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // Any other exception than coopatlas's own (a message saying what is wrong
    // with the text) reaches libFuzzer, which reports it as a crash.
    try {
        const auto guide = indexer::Guide::parse(std::string_view(reinterpret_cast<const char*>(data), size));
        std::vector<Record> records = indexer::extract_records(guide, lexicon());
        indexer::Geocoder geocoder(gazetteer());
        geocoder.geocode(records);
        indexer::merge_partners_by_place(records);
        check(records, guide.lines().size());
    } catch (const Error&) {
    }
    return 0;
}
