#pragma once
/// @file terms.hpp
/// Text -> index terms, shared by the indexer and the query parser so that a
/// word is turned into the same terms on both sides.

#include <xapian.h>

#include <string>
#include <string_view>

namespace coopatlas::terms {

/// The French stem of a folded word (Xapian's Snowball French stemmer).
std::string stem(const std::string& folded);

/// Adds the words of `utf8` to `doc` at positions starting after `position`
/// (returned updated): each word as an unstemmed term and as "Z"+stem, both
/// with `prefix`, with `wdf_inc` per occurrence. Stop words are skipped.
Xapian::termpos index_text(Xapian::Document& doc, std::string_view utf8, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos position);

}  // namespace coopatlas::terms
