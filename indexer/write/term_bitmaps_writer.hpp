#pragma once
/// @file term_bitmaps_writer.hpp
/// Xapian database -> terms.bitmaps: a bitmap over docids for each frequent
/// term (docs/index-format.md, "Term bitmaps"; read by query/term_bitmaps.hpp).

#include <xapian.h>

#include <string>

namespace coopatlas::indexer {

/// Writes at `path` the bitmap of every term that at least 1 /
/// schema::kTermBitmapShare of the documents of `db` hold, read from its
/// posting list (unique id terms are skipped: none is frequent). Throws Error
/// when the file cannot be written.
void write_term_bitmaps(const Xapian::Database& db, const std::string& path);

}  // namespace coopatlas::indexer
