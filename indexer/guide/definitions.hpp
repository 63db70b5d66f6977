#pragma once
/// @file definitions.hpp
/// What a passage defines: the subject of a definitional first sentence,
/// "La DAECT, déjà citée ..., est le service du ministère ...", "Platforma
/// est un réseau ...", "L'Association nationale des communes du Bénin (ANCB)
/// est le référent ...". The indexer files the subject's words under
/// schema::kDefinedPrefix, and a definitional question ("qu'est-ce que la
/// DAECT ?") ranks the passages defining its words first
/// (query/query_text.hpp, TextQuery::definition_boost), as question-answering
/// systems match "X est un/le ..." copular patterns to "what is X" questions.

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::indexer {

/// The folded content words of the subject that the first sentence of
/// `passage` defines, or none. The sentence opens on the subject (after a
/// determiner, or on a capitalised name), which may be followed by a
/// parenthesis and by an apposition between commas, then "est"/"sont" and a
/// determiner ("est le", "sont des", "est l'un"): "La DAECT est toujours
/// disponible" defines nothing. At most kMaxDefinedWords content words.
std::vector<std::string> defined_subject(std::string_view passage);

/// A subject longer than this is a sentence of its own, not a name.
inline constexpr size_t kMaxDefinedWords = 8;

}  // namespace coopatlas::indexer
