#pragma once
/// @file index_schema.hpp
/// How records are laid out in the Xapian database: the one place both the
/// indexer (writer) and the query library (reader) take term prefixes and
/// value slots from. See docs/index-format.md.

#include <xapian.h>

#include <string>
#include <string_view>

namespace coopatlas::schema {

// Boolean filter terms (Xapian's convention: capital-letter prefixes).
inline constexpr std::string_view kIdPrefix = "Q";        ///< unique id term
inline constexpr std::string_view kTypePrefix = "XT";     ///< record type
inline constexpr std::string_view kCountryPrefix = "XC";  ///< ISO alpha-2, lower case
inline constexpr std::string_view kThemePrefix = "XH";    ///< folded theme slug
inline constexpr std::string_view kOddPrefix = "XO";      ///< ODD number 1..17
/// What a record is within its type, when ranking treats it apart: "glossary"
/// for a passage that is one entry of the guide's glossary ("AFd : Agence
/// française de développement"), "contact-block" for a passage that is one of
/// the guide's contact blocks ("ConTACT | DAECT", a name, a role, an e-mail
/// address): both ranked below the passages explaining the body.
inline constexpr std::string_view kKindPrefix = "XK";
inline constexpr std::string_view kGlossaryKind = "glossary";
inline constexpr std::string_view kContactBlockKind = "contact-block";
/// The stems of the subject a passage's opening sentence defines ("La DAECT
/// ... est le service ...": indexer/guide/definitions.hpp), for the
/// questions asking what something is (terms::defined_term).
inline constexpr std::string_view kDefinedPrefix = "XD";
// Free-text fields searchable with a prefix; plain words are unprefixed,
// stems carry Xapian's "Z" marker in front of the field prefix.
inline constexpr std::string_view kTitlePrefix = "S";
/// The words of the record's own section heading (the last of its section
/// path, "11.11 Tunisie"): a query naming the heading ranks its section up.
inline constexpr std::string_view kHeadingPrefix = "H";

// Value slots.
inline constexpr Xapian::valueno kSlotType = 0;    ///< record type
inline constexpr Xapian::valueno kSlotPage = 1;    ///< sortable printed page
inline constexpr Xapian::valueno kSlotPoints = 2;  ///< Xapian::LatLongCoords::serialise of geo[]

/// The records, one JSON line each in docid order (record `docid` is line
/// docid - 1), and where each line starts: N + 1 little-endian uint64, the
/// last one the file's size. The Xapian documents carry no data.
inline constexpr std::string_view kRecordsFile = "entities.jsonl";
inline constexpr std::string_view kRecordOffsetsFile = "entities.offsets";

/// Bitmaps over docids of the frequent terms (docs/index-format.md, "Term
/// bitmaps"): the magic below, uint64 words per bitmap, uint64 term count,
/// then per term uint64 length + bytes, zero padding to 8 bytes, then the
/// bitmaps in the same order (bit d % 64 of word d / 64 set for docid d).
inline constexpr std::string_view kTermBitmapsFile = "terms.bitmaps";
inline constexpr std::string_view kTermBitmapsMagic = "CATBMv1\n";  // 8 bytes
/// A term gets a bitmap when at least 1 / kTermBitmapShare of the documents hold it.
inline constexpr Xapian::doccount kTermBitmapShare = 100;

/// A sharded index (docs/scaling.md): the stub database listing the shards
/// (Xapian's stub format, one "auto PATH" or "remote tcp HOST PORT" line per
/// shard), the shards' folder (shards/0, shards/1, ...) and the catalogue,
/// a database of every document's filter terms and values, spelling and
/// synonyms, which the front server reads locally.
inline constexpr std::string_view kShardsStubFile = "shards.stub";
inline constexpr std::string_view kShardsDir = "shards";
inline constexpr std::string_view kCatalogueDir = "catalogue";

/// Version of this layout, stored as database metadata "coopatlas:schema".
inline constexpr std::string_view kSchemaVersion = "3";

}  // namespace coopatlas::schema
