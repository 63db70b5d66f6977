#include "indexer/places/collectivite_prefix.hpp"

#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace coopatlas::indexer {

std::string strip_collectivite_prefix(const std::string& name) {
    // Longest first; compared on folded text, cut on the original.
    static const std::vector<std::string> kPrefixes = {"communaute d'agglomeration du ",
                                                       "communaute d'agglomeration de la ",
                                                       "communaute d'agglomeration des ",
                                                       "communaute d'agglomeration de ",
                                                       "communaute d'agglomeration d'",
                                                       "communaute de communes du ",
                                                       "communaute de communes de la ",
                                                       "communaute de communes des ",
                                                       "communaute de communes de ",
                                                       "communaute de communes d'",
                                                       "communaute urbaine du ",
                                                       "communaute urbaine de ",
                                                       "communaute urbaine d'",
                                                       "metropole europeenne de ",
                                                       "metropole du ",
                                                       "metropole de ",
                                                       "metropole d'",
                                                       "eurometropole de ",
                                                       "metropole ",
                                                       "agglomeration du ",
                                                       "agglomeration de ",
                                                       "agglomeration d'",
                                                       "ca du ",
                                                       "ca de la ",
                                                       "ca des ",
                                                       "ca de ",
                                                       "ca d'",
                                                       "ca ",
                                                       "cc du ",
                                                       "cc de la ",
                                                       "cc des ",
                                                       "cc de ",
                                                       "cc d'",
                                                       "cc ",
                                                       "cu du ",
                                                       "cu de ",
                                                       "cu d'",
                                                       "cu "};
    std::string folded = text::fold(name);
    for (const auto& p : kPrefixes) {
        if (folded.size() > p.size() && folded.compare(0, p.size(), p) == 0) {
            // Cut the original where its folded form reaches the prefix's length.
            std::size_t pos = 0, folded_len = 0;
            while (pos < name.size() && folded_len < p.size()) {
                std::size_t len = 1;
                auto c = static_cast<unsigned char>(name[pos]);
                if (c >= 0xF0)
                    len = 4;
                else if (c >= 0xE0)
                    len = 3;
                else if (c >= 0xC0)
                    len = 2;
                folded_len += text::fold(std::string_view(name).substr(pos, len)).size();
                pos += len;
            }
            std::string rest = name.substr(pos);
            return rest.empty() ? name : rest;
        }
    }
    return name;
}

}  // namespace coopatlas::indexer
