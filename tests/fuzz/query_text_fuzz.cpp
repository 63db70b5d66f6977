// libFuzzer target: the search box's text, as GET /api/search?q= receives it.
// parse_query_text never throws; building the Xapian query from it must not
// crash either (an empty in-memory database: no synonyms, no spelling).
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/query_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace coopatlas::query;
    const std::string_view q(reinterpret_cast<const char*>(data), size);
    const ParsedQuery parsed = parse_query_text(q);
    static const Xapian::Database db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    build_text_query(parsed, db, [](Xapian::docid) { return std::string(); });
    return 0;
}
