#pragma once
/// @file shards.hpp
/// Sharded indexes (docs/scaling.md): where the parts of an index are, and the
/// query parts that remote shards understand.
///
/// A sharded index is matched through a Xapian stub database listing its
/// shards, local ("auto PATH") or served by xapian-tcpsrv ("remote HOST:PORT",
/// Xapian 1.4's stub syntax). A stock xapian-tcpsrv unserialises only Xapian's own posting
/// sources and match spies, and Xapian 1.4 sends no key maker to a remote
/// shard, so against a stub the searcher builds its queries from terms and
/// Xapian's own posting sources alone (remote_* below), and computes facets,
/// totals, areas and the distance order on the front, from the catalogue, the
/// record store and the term bitmaps, which are numbered like one index.

#include <xapian.h>

#include <string>
#include <vector>

#include "core/geo.hpp"

namespace coopatlas::query {

/// The parts of an index, found from what --index names.
struct IndexLocation {
    std::string folder;     ///< records, term bitmaps, atlas.gpkg
    std::string database;   ///< what queries run on: folder/xapian, or the stub
    std::string catalogue;  ///< facets, points, ids, spelling, synonyms: folder/xapian, or folder/catalogue
    bool sharded = false;
    std::vector<std::string> shards;  ///< the stub's lines (sharded only), to name a failing shard
};

/// `path` is an index folder (with xapian/, or with shards.stub), or a stub
/// file inside a sharded index's folder (its other lines may name remote
/// shards). Throws IndexError when it is none of these.
IndexLocation locate_index(const std::string& path);

/// Weight `weight` for the structured records (programme, contact, partner,
/// partnership) under OP_AND_MAYBE, from the type value slot by
/// Xapian::ValueMapPostingSource, which xapian-tcpsrv knows: the same weights
/// as the searcher's in-memory boost.
Xapian::Query remote_structured_boost(double weight);

/// The records whose unique id term (schema::kIdPrefix) is one of `ids`.
Xapian::Query remote_id_filter(const std::vector<std::string>& ids);

/// An error message naming the stub and its shards for a Xapian network
/// error `e` (Xapian's own message names the failing host and port).
std::string shard_failure(const IndexLocation& location, const Xapian::Error& e);

}  // namespace coopatlas::query
