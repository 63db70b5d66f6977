#include "indexer/write/term_bitmaps_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/docid_bitmap.hpp"
#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::indexer {

void write_term_bitmaps(const Xapian::Database& db, const std::string& path) {
    const Xapian::doccount documents = db.get_doccount();
    const Xapian::doccount least =
        std::max<Xapian::doccount>(1, (documents + schema::kTermBitmapShare - 1) / schema::kTermBitmapShare);
    const size_t words = docid_bitmap::words_for(db.get_lastdocid());

    std::vector<std::string> terms;
    std::vector<std::vector<uint64_t>> bitmaps;
    // One id term per document, never frequent: jump over them all at once.
    std::string after_ids(schema::kIdPrefix);
    ++after_ids.back();
    for (Xapian::TermIterator t = db.allterms_begin(); t != db.allterms_end();) {
        const std::string term = *t;
        if (term.starts_with(schema::kIdPrefix)) {
            t.skip_to(after_ids);
            continue;
        }
        if (t.get_termfreq() >= least) {
            terms.push_back(term);
            bitmaps.push_back(docid_bitmap::of_postings(db, term));
        }
        ++t;
    }

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    auto put_u64 = [&](uint64_t v) { out.write(reinterpret_cast<const char*>(&v), sizeof v); };
    out.write(schema::kTermBitmapsMagic.data(), static_cast<std::streamsize>(schema::kTermBitmapsMagic.size()));
    put_u64(words);
    put_u64(terms.size());
    size_t at = schema::kTermBitmapsMagic.size() + 2 * sizeof(uint64_t);
    for (const auto& term : terms) {
        put_u64(term.size());
        out.write(term.data(), static_cast<std::streamsize>(term.size()));
        at += sizeof(uint64_t) + term.size();
    }
    static const char zeros[8] = {};
    out.write(zeros, static_cast<std::streamsize>((8 - at % 8) % 8));  // the bitmaps start 8-aligned
    for (const auto& bits : bitmaps)
        out.write(reinterpret_cast<const char*>(bits.data()), static_cast<std::streamsize>(words * sizeof(uint64_t)));
    out.close();
    if (!out) throw Error("cannot write '" + path + "': " + std::strerror(errno));
}

}  // namespace coopatlas::indexer
