// libFuzzer target: the search box's text, as GET /api/search?q= receives it,
// parsed (parse_query_text never throws) and built into a Xapian query against
// the web tests' small index, so that synonyms, spelling corrections and their
// written forms (read from the records) run too. Then the query runs.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "query/query_text.hpp"
#include "query/record_store.hpp"
#include "web/fixture_index.hpp"

namespace {

struct Index {
    std::string dir = coopatlas::fixture::write_fixture_index("coopatlas-fuzz-query");
    Xapian::Database db{(std::filesystem::path(dir) / "xapian").string()};
    coopatlas::query::RecordStore store{dir};
    ~Index() { std::filesystem::remove_all(dir); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace coopatlas::query;
    static const Index index;
    const ParsedQuery parsed = parse_query_text(std::string_view(reinterpret_cast<const char*>(data), size));
    const TextQuery built =
        build_text_query(parsed, index.db, [](Xapian::docid docid) { return std::string(index.store.line(docid)); });
    Xapian::Enquire enquire(index.db);
    enquire.set_query(built.query);
    enquire.get_mset(0, 10);
    return 0;
}
