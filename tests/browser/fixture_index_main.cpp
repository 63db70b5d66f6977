// Writes the web tests' hand-made index (tests/web/fixture_index.hpp) plus
// enough located passages to page through, for the browser test:
//   coopatlas-fixture-index DIR
#include <filesystem>
#include <iostream>

#include "../web/fixture_index.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: coopatlas-fixture-index DIR\n";
        return 2;
    }
    using namespace coopatlas;
    auto records = fixture::fixture_records();
    for (int i = 1; i <= 24; ++i) {
        Record r = fixture::make_record("passage", "p" + std::to_string(i),
                                        "Passage " + std::to_string(i) + " sur l'eau potable", {});
        r.page = 10 + i;
        r.section = {"Thématiques", "1.2 Eau/assainissement"};
        records.push_back(r);
    }
    std::filesystem::create_directories(argv[1]);
    indexer::write_search_index(records, argv[1]);
    std::cout << argv[1] << "\n";
    return 0;
}
