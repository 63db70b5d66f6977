// The dictionary readers (dictd.hpp, mythes.hpp) and what the indexer keeps of
// them (english_french.hpp, french_synonyms.hpp), on small in-memory samples
// written like Debian's FreeDict and mythes-fr files.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/terms.hpp"
#include "indexer/dictionaries/dictd.hpp"
#include "indexer/dictionaries/english_french.hpp"
#include "indexer/dictionaries/french_synonyms.hpp"
#include "indexer/dictionaries/mythes.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

/// A dictd dictionary of `bodies` (headword, body), its index built like dictfmt's.
Dictd dictionary(const std::vector<std::pair<std::string, std::string>>& bodies) {
    static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto b64 = [](size_t n) {
        std::string s;
        do s.insert(s.begin(), kDigits[n % 64]), n /= 64;
        while (n);
        return s;
    };
    std::string text, index;
    for (const auto& [headword, body] : bodies) {
        index += headword + "\t" + b64(text.size()) + "\t" + b64(body.size()) + "\n";
        text += body;
    }
    return parse_dictd(index, text, "sample");
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

bool has(const Pairs& pairs, const std::string& key, const std::string& value) {
    return std::find(pairs.begin(), pairs.end(), std::make_pair(key, value)) != pairs.end();
}

}  // namespace

TEST(Dictd, NumbersAreBase64) {
    EXPECT_EQ(dictd_number("A"), 0u);
    EXPECT_EQ(dictd_number("BVBC"), 348226u);
    EXPECT_THROW(dictd_number("B-C"), Error);
    EXPECT_THROW(dictd_number(""), Error);
    EXPECT_THROW(dictd_number("BBBBBBBBBBB"), Error);  // 11 digits: beyond any file
}

TEST(Dictd, ReadsEntriesAndTheTitle) {
    Dictd d = dictionary({{"00databaseshort", "00-database-short\n  English-French FreeDict Dictionary\n"},
                          {"water", "water /wɔːtər/\n1. aquatique\n2. eau, onde\n"}});
    EXPECT_EQ(d.title, "English-French FreeDict Dictionary");
    ASSERT_EQ(d.entries.size(), 1u);  // the 00database entries are not words
    EXPECT_EQ(d.entries[0].headword, "water");
    EXPECT_EQ(d.body(d.entries[0]).substr(0, 5), "water");
}

TEST(Dictd, MalformedIndexIsAnErrorWithItsLine) {
    try {
        parse_dictd("water\tA\tB\nwaste A B\n", "xx", "sample");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("sample.index:2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_dictd("water\tA\tZZ\n", "short text", "sample"), Error);  // past the end
    EXPECT_THROW(parse_dictd("water\tA\t#\n", "text", "sample"), Error);         // bad digit
    EXPECT_THROW(parse_dictd("", "text", "sample"), Error);                      // no entry
}

TEST(Dictd, MissingFilesNameThem) {
    try {
        read_dictd("/nonexistent/freedict-eng-fra");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/freedict-eng-fra.index"), std::string::npos);
    }
}

TEST(Dictd, TranslationsOfTheThreeFreeDictLayouts) {
    // Old FreeDict: numbered senses.
    EXPECT_EQ(dictd_translations("water /wɔːtər/\n1. aquatique\n2. eau, onde\n"),
              (std::vector<std::string>{"aquatique", "eau", "onde"}));
    // Ding (English-German): one line with grammar marks and domains, then indented examples.
    EXPECT_EQ(dictd_translations("waste /wˈeɪst/\nAbfall <masc>, Müll <masc> [envir.]\n"
                                 "      \"waste and scrap\"  - Abfälle und Schrott\n see: {waste}\n"),
              (std::vector<std::string>{"Abfall", "Müll"}));
    // Wiktionary-based: translations, then French definitions that are not translations.
    EXPECT_EQ(dictd_translations("jeunesse /ʒœ.nɛs/ <n, fem>\nJugend 2.\nÉtat de celui qui est jeune\n 3.\n"),
              (std::vector<std::string>{"Jugend"}));
    EXPECT_TRUE(dictd_translations("headword only").empty());
}

TEST(Mythes, ReadsEntriesWithTheirSynonyms) {
    auto entries = parse_mythes("UTF-8\nordure|2\n(Nom)|déchet|détritus\n(Nom)|saleté|déchet\ndéchet|1\n(Nom)|ordure\n",
                                "sample.dat");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].word, "ordure");
    EXPECT_EQ(entries[0].synonyms, (std::vector<std::string>{"déchet", "détritus", "saleté"}));
}

TEST(Mythes, MalformedFilesAreErrorsWithTheirLine) {
    EXPECT_THROW(parse_mythes("", "t.dat"), Error);
    EXPECT_THROW(parse_mythes("ISO8859-1\nmot|1\n(Nom)|terme\n", "t.dat"), Error);  // only UTF-8
    EXPECT_THROW(parse_mythes("UTF-8\nmot\n", "t.dat"), Error);                     // no count
    EXPECT_THROW(parse_mythes("UTF-8\nmot|x\n", "t.dat"), Error);                   // bad count
    try {
        parse_mythes("UTF-8\nmot|3\n(Nom)|terme\n", "t.dat");  // fewer meanings than announced
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("t.dat:2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(read_mythes("/nonexistent/thes_fr.dat"), Error);
}

TEST(EnglishFrench, DirectBackwardsAndThroughGerman) {
    EnglishFrench ef;
    ef.add_english_french(dictionary({{"water", "water /w/\n1. aquatique\n2. eau, onde\n"}}));
    ef.add_french_english(dictionary({{"jumelage", "jumelage /ʒ/ <n>\ntwinning\n"}}));
    // Through German: "waste" -> Abfall, Müll, Kehricht; Abfall -> déchet, chute; Müll, Kehricht -> déchet.
    ef.add_german_french(
        dictionary({{"déchet", "déchet /d/ <n>\nAbfall\n"}, {"chute", "chute /ʃ/ <n>\n1. Fall, Abfall\n"}}),
        dictionary({{"müll", "Müll /m/ <n>\ndéchet\n"},
                    {"kehricht", "Kehricht /k/ <n>\ndéchet\n"},
                    {"stadt", "Stadt /s/\nville\n"},
                    {"partner", "Partner /p/\npartenaire\n"}}));
    ef.add_english_german(dictionary({{"waste", "waste /w/\nAbfall <masc>, Müll <masc>, Kehricht <masc>\n"},
                                      {"twin town", "twin town /t/\nPartnerstadt <fem>\n"}}));
    const auto usable = [](const std::string& folded) { return folded != "aquatique"; };
    const Pairs pairs = ef.translations(usable);
    EXPECT_TRUE(has(pairs, "water", "eau"));
    EXPECT_FALSE(has(pairs, "water", "aquatique"));  // not a word of the guide
    EXPECT_TRUE(has(pairs, "twinning", "jumelage"));
    EXPECT_TRUE(has(pairs, "waste", "déchet"));                // reached through three German words
    EXPECT_FALSE(has(pairs, "waste", "chute"));                // through one only: less than half the best
    EXPECT_TRUE(has(pairs, "twin town", "ville partenaire"));  // the compound Partner + Stadt
}

TEST(EnglishFrench, SynonymKeysWithPluralsAndKinds) {
    const Pairs pairs = {{"town", "ville"}, {"culture", "culture"}, {"station", "poste"}, {"the", "le"}};
    auto kind = [](const std::string& english) {
        if (english == "culture" || english == "cultures") return EnglishKind::skip;
        if (english.rfind("station", 0) == 0) return EnglishKind::and_french;
        return EnglishKind::only;
    };
    const Pairs keys = english_synonyms(pairs, kind);
    EXPECT_TRUE(has(keys, terms::english_key("town"), "ville"));
    EXPECT_TRUE(has(keys, terms::english_key("towns"), "ville"));
    EXPECT_TRUE(has(keys, terms::english_key("station", terms::EnglishKey::and_french), "poste"));
    EXPECT_FALSE(has(keys, terms::english_key("station"), "poste"));
    for (const auto& [key, value] : keys) {
        EXPECT_NE(value, "culture");  // a French word of the guide stays French
        EXPECT_NE(value, "le");       // stop words alone are no translation
    }
}

TEST(EnglishFrench, Plurals) {
    EXPECT_EQ(terms::english_plural("town"), "towns");
    EXPECT_EQ(terms::english_plural("city"), "cities");
    EXPECT_EQ(terms::english_plural("day"), "days");
    EXPECT_EQ(terms::english_plural("tax"), "taxes");
    EXPECT_EQ(terms::english_plural("twin town"), "twin towns");
    EXPECT_EQ(terms::english_plural(""), "");
}

TEST(FrenchSynonyms, MutualUsedAndClosestFirst) {
    const std::vector<ThesaurusEntry> thesaurus = {
        {"ordure", {"tache", "déchet", "détritus", "péché"}},
        {"déchet", {"ordure", "détritus"}},
        {"tache", {"ordure"}},
        {"péché", {"faute"}},  // does not list "ordure" back
    };
    auto pairs = french_synonyms(thesaurus, [](const std::string& folded) { return folded != "detritus"; });
    const std::string key = terms::thesaurus_key("ordures");  // the plural finds the singular's entry
    ASSERT_TRUE(has(pairs, key, "déchet"));
    EXPECT_TRUE(has(pairs, key, "tache"));
    EXPECT_FALSE(has(pairs, key, "péché"));
    EXPECT_FALSE(has(pairs, key, "détritus"));  // not a word of the guide
    // "déchet" shares "détritus" with "ordure", "tache" nothing: "déchet" comes first.
    auto first = std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == key; });
    EXPECT_EQ(first->second, "déchet");
}
