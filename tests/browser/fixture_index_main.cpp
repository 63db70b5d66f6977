// Writes the web tests' hand-made index (tests/web/fixture_index.hpp) plus
// enough located passages to page through, and the programmes the indexer
// extracts from a guide excerpt (tests/fixtures/programme_titles.txt), for the
// browser test:
//   coopatlas-fixture-index DIR
#include <filesystem>
#include <iostream>

#include "../web/fixture_index.hpp"
#include "indexer/extract/contacts.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/sections.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: coopatlas-fixture-index DIR\n";
        return 2;
    }
    using namespace coopatlas;
    auto records = fixture::fixture_records();
    // The links a partner card follows: Lyon and Cotonou are the parties of one partnership.
    for (Record& r : records) {
        if (r.id == "partner/lyon" || r.id == "partner/cotonou")
            r.fields["partnerships"] = nlohmann::json::array({"partnership/lyon-cotonou"});
        if (r.id == "partnership/lyon-cotonou") {
            r.fields["parties"] = nlohmann::json::array({"partner/lyon", "partner/cotonou"});
            r.fields["theme"] = "eau et assainissement";
        }
    }
    for (int i = 1; i <= 24; ++i) {
        Record r = fixture::make_record("passage", "p" + std::to_string(i),
                                        "Passage " + std::to_string(i) + " sur l'eau potable", {});
        r.page = 10 + i;
        r.section = {"Thématiques", "1.2 Eau/assainissement"};
        records.push_back(r);
    }
    // Extracted, not written by hand: the page must show the titles and people the
    // indexer gives. No gazetteer here: each record is placed at Sèmè-Podji by hand.
    const indexer::Guide excerpt = indexer::Guide::load(std::string(COOPATLAS_FIXTURES) + "/programme_titles.txt");
    const auto sections = indexer::section_paths(excerpt);
    auto extracted = indexer::extract_programmes(excerpt, sections);
    for (Record& c : indexer::extract_contacts(excerpt, sections)) extracted.push_back(std::move(c));
    for (Record& r : extracted) {
        r.geo = {GeoPoint{6.3833, 2.6333, "Sèmè-Podji", "city", "fixture"}};
        r.countries = {Country{"BJ", "Bénin"}};
        records.push_back(std::move(r));
    }
    std::filesystem::create_directories(argv[1]);
    indexer::write_search_index(records, argv[1]);
    std::cout << argv[1] << "\n";
    return 0;
}
