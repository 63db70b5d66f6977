#include "terms.hpp"

#include "text.hpp"

namespace coopatlas::terms {

std::string stem(const std::string& folded) {
    thread_local Xapian::Stem french("french");
    return french(folded);
}

Xapian::termpos index_text(Xapian::Document& doc, std::string_view utf8, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos position) {
    const std::string pre(prefix);
    for (const auto& token : text::tokenize(utf8)) {
        ++position;
        if (text::is_stopword(token.folded) || token.folded.size() > 64) continue;
        doc.add_posting(pre + token.folded, position, wdf_inc);
        doc.add_term("Z" + pre + stem(token.folded), wdf_inc);
    }
    return position;
}

}  // namespace coopatlas::terms
