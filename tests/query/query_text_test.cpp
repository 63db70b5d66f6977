#include "query/query_text.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/terms.hpp"

using namespace coopatlas;
using namespace coopatlas::query;
using Kind = TextItem::Kind;

TEST(ParseQueryText, WordsAreAndedGroups) {
    auto p = parse_query_text("Coopération  décentralisée");
    ASSERT_EQ(p.groups.size(), 2u);
    EXPECT_EQ(p.groups[0][0].words, std::vector<std::string>{"cooperation"});
    EXPECT_EQ(p.groups[1][0].kind, Kind::word);
    EXPECT_TRUE(p.has_text);
}

TEST(ParseQueryText, StopWordsAloneAreNothingButStillText) {
    auto p = parse_query_text("de la les");
    EXPECT_TRUE(p.groups.empty());
    EXPECT_TRUE(p.has_text);  // typed something: the answer is "nothing", not "everything"
    EXPECT_FALSE(parse_query_text("   ").has_text);
}

TEST(ParseQueryText, QuotedPhraseKeepsStopWordGaps) {
    auto p = parse_query_text("\"feuille de route Sahel\" eau");
    ASSERT_EQ(p.groups.size(), 2u);
    const auto& phrase = p.groups[0][0];
    EXPECT_EQ(phrase.kind, Kind::phrase);
    EXPECT_TRUE(phrase.quoted);
    std::vector<std::string> expected = {"feuille", "", "route", "sahel"};
    EXPECT_EQ(phrase.words, expected);
}

TEST(ParseQueryText, PunctuationJoinedWordsAreAPhrase) {
    auto p = parse_query_text("diplomatie.gouv.fr");
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_EQ(p.groups[0][0].kind, Kind::phrase);
    EXPECT_FALSE(p.groups[0][0].quoted);
    EXPECT_EQ(p.groups[0][0].words.size(), 3u);
}

TEST(ParseQueryText, OrJoinsNeighboursAndNotExcludes) {
    auto p = parse_query_text("santiago OR cuba -havane NOT sport AND eau");
    ASSERT_EQ(p.groups.size(), 2u);
    EXPECT_EQ(p.groups[0].size(), 2u);
    ASSERT_EQ(p.excluded.size(), 2u);
    EXPECT_EQ(p.excluded[0].words[0], "havane");
    EXPECT_EQ(p.excluded[1].words[0], "sport");
}

TEST(ParseQueryText, WildcardPrefix) {
    auto p = parse_query_text("Coop*");
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_EQ(p.groups[0][0].kind, Kind::prefix);
    EXPECT_EQ(p.groups[0][0].words[0], "coop");
    auto one = parse_query_text("x*");  // one letter is too short for a prefix
    ASSERT_EQ(one.groups.size(), 1u);
    EXPECT_EQ(one.groups[0][0].kind, Kind::word);
}

TEST(ParseQueryText, FieldPrefixesAreFilters) {
    auto p = parse_query_text("eau pays:MG type:programme theme:\"eau potable\" odd:6 odd:99 country:sn");
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_EQ(p.countries, (std::vector<std::string>{"mg", "sn"}));
    EXPECT_EQ(p.types, std::vector<std::string>{"programme"});
    EXPECT_EQ(p.themes, std::vector<std::string>{"eau potable"});
    EXPECT_EQ(p.odds, std::vector<int>{6});  // 99 is no ODD: ignored
}

TEST(ParseQueryText, BadSyntaxFallsBackToWords) {
    for (const char* q : {"\"unterminated phrase", "OR eau", "eau OR", "NOT", "-", "a:b:c", "((eau", "***", ":"}) {
        auto p = parse_query_text(q);
        (void)p;  // never throws
    }
    auto p = parse_query_text("\"eau potable");
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_EQ(p.groups[0][0].kind, Kind::phrase);
    EXPECT_EQ(parse_query_text("OR eau").groups.size(), 1u);
    EXPECT_EQ(parse_query_text("http://x.org").groups.size(), 1u);  // unknown field: plain text
}

/// A tiny index: each text one document, plus synonyms and spelling (the
/// in-memory backend has neither, so a temporary folder).
class BuildTextQuery : public ::testing::Test {
protected:
    void TearDown() override {
        db_.close();
        std::filesystem::remove_all(dir_);
    }
    void SetUp() override {
        dir_ =
            (std::filesystem::temp_directory_path() / ("coopatlas-query-text-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir_);
        db_ = Xapian::WritableDatabase(dir_, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        for (const char* t :
             {"Les collectivités territoriales et l'assainissement", "Une exposition de collections au musée",
              "L'AFD finance la FICOL", "La coopération décentralisée avec le Japon", "Les villes jumelées"})
            add_text(t);
        db_.add_synonym("afd", "Agence française de développement");
        db_.add_synonym("agence francaise developpement", "AFD");
        db_.add_synonym("water", "eau");
        db_.add_synonym("decentralised cooperation", "coopération décentralisée");
        db_.commit();
    }
    /// One document of `text`, its words in the spelling dictionary (not committed).
    void add_text(const std::string& text) {
        Xapian::Document doc;
        doc.set_data(text);
        terms::index_text(doc, text, "", 1, 0);
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
            if (std::islower(static_cast<unsigned char>((*it)[0]))) db_.add_spelling(*it);
        db_.add_document(doc);
    }
    std::vector<std::string> run(const std::string& q, TextQuery* out = nullptr) {
        TextQuery tq = build_text_query(parse_query_text(q), db_, lines_);
        std::vector<std::string> found;
        Xapian::Enquire e(db_);
        e.set_query(tq.query);
        Xapian::MSet mset = e.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(it.get_document().get_data());
        if (out) *out = tq;
        return found;
    }
    std::string dir_;
    Xapian::WritableDatabase db_;
    // These test documents keep their text as Xapian data (the index keeps it in entities.jsonl).
    RecordLines lines_ = [this](Xapian::docid d) { return db_.get_document(d).get_data(); };
};

TEST_F(BuildTextQuery, CollectivitesDoNotFindCollections) {
    auto found = run("collectivites");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].find("collections"), std::string::npos);
}

TEST_F(BuildTextQuery, AcronymBothWays) {
    EXPECT_EQ(run("AFD").size(), 1u);
    EXPECT_EQ(run("agence française de développement").size(), 1u);
}

TEST_F(BuildTextQuery, EnglishThroughTheTable) { EXPECT_EQ(run("decentralised cooperation").size(), 1u); }

TEST_F(BuildTextQuery, TypoIsCorrectedAndSaid) {
    TextQuery tq;
    auto found = run("assainisement", &tq);
    EXPECT_EQ(found.size(), 1u);
    EXPECT_EQ(tq.suggestion, "assainissement");
    run("collectivités assainisement", &tq);
    EXPECT_EQ(tq.suggestion, "collectivités assainissement");  // the rest as typed
}

TEST_F(BuildTextQuery, CorrectionIsWrittenWithTheGuidesAccents) {
    // Records store their JSON (title, text): the correction shows the word as
    // the guide writes it, not its folded index form.
    for (const char* t : {"La BIODIVERSITÉ des forêts", "Biodiversité et forêts : la biodiversité des mers"}) {
        Xapian::Document doc;
        doc.set_data(nlohmann::json{{"title", "Fiche"}, {"text", t}}.dump());
        terms::index_text(doc, t, "", 1, 0);
        db_.add_spelling("biodiversite");
        db_.add_document(doc);
    }
    db_.commit();
    EXPECT_EQ(written_form(db_, lines_, "biodiversite"), "biodiversité");
    EXPECT_EQ(written_form(db_, lines_, "forets"), "forêts");
    EXPECT_EQ(written_form(db_, lines_, "absent"), "absent");  // no record holds it: the folded word
    TextQuery tq;
    EXPECT_EQ(run("biodiversitte forets", &tq).size(), 2u);
    EXPECT_EQ(tq.suggestion, "biodiversité forets");  // the rest as typed
    // A record whose data is not JSON gives no form: the folded word stays.
    EXPECT_EQ(written_form(db_, lines_, "assainissement"), "assainissement");
}

TEST_F(BuildTextQuery, UnknownWordMakesTheQueryEmpty) {
    TextQuery tq;
    EXPECT_TRUE(run("kangourou", &tq).empty());
    EXPECT_EQ(tq.unknown, std::vector<std::string>{"kangourou"});
    EXPECT_TRUE(run("jumelées kangourou").empty());  // AND semantics
    EXPECT_TRUE(run("les de la").empty());
}

TEST_F(BuildTextQuery, ExclusionAndOr) {
    EXPECT_EQ(run("collectivites OR collections").size(), 2u);
    EXPECT_EQ(run("collectivites OR collections -musee").size(), 1u);
}

TEST_F(BuildTextQuery, PhraseNeedsTheOrder) {
    EXPECT_EQ(run("\"villes jumelées\"").size(), 1u);
    EXPECT_TRUE(run("\"jumelées villes\"").empty());
}

TEST_F(BuildTextQuery, HighlightTermsIncludeStemsAndSynonyms) {
    TextQuery tq;
    run("jumelage AFD", &tq);
    EXPECT_TRUE(tq.match_terms.stems.count(terms::stem("jumelage")));
    EXPECT_TRUE(tq.match_terms.words.count("afd"));
    EXPECT_TRUE(tq.match_terms.words.count("agence"));
}

TEST_F(BuildTextQuery, NoTextMeansEverything) {
    TextQuery tq = build_text_query(parse_query_text("pays:fr"), db_, lines_);
    EXPECT_TRUE(tq.match_all);
}

TEST_F(BuildTextQuery, RelaxedFromTwoGroups) {
    // Two groups or more: a looser query; one group: nothing looser.
    TextQuery tq = build_text_query(parse_query_text("villes jumelées coopération Japon"), db_, lines_);
    EXPECT_FALSE(tq.relaxed.empty());
    tq = build_text_query(parse_query_text("coopération Japon"), db_, lines_);
    EXPECT_FALSE(tq.relaxed.empty());
    tq = build_text_query(parse_query_text("Japon"), db_, lines_);
    EXPECT_TRUE(tq.relaxed.empty());
}

TEST_F(BuildTextQuery, ALooserRecordMustHoldAWordThatIsNoGuess) {
    add_text("La coopération avec le Brésil");
    db_.commit();
    auto looser = [&](const std::string& q) {
        TextQuery tq = build_text_query(parse_query_text(q), db_, lines_);
        std::vector<std::string> found;
        if (tq.relaxed.empty()) return found;
        Xapian::Enquire e(db_);
        e.set_query(tq.relaxed);
        Xapian::MSet mset = e.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(it.get_document().get_data());
        return found;
    };
    // Typed right, any word fills the answer: both records with "coopération".
    EXPECT_EQ(looser("coopération Japon").size(), 2u);
    // Corrected, "coopération" is a guess: only the record with "Japon" (typed right) follows.
    auto found = looser("coopératoin Japon");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("Japon"), std::string::npos);
    // Every word a guess: nothing looser.
    TextQuery tq = build_text_query(parse_query_text("coopératoin assainisement"), db_, lines_);
    EXPECT_FALSE(tq.suggestion.empty());
    EXPECT_TRUE(tq.relaxed.empty());
}

TEST_F(BuildTextQuery, AnUnknownWordAmongMostlyKnownOnesIsLeftOut) {
    TextQuery tq;
    EXPECT_EQ(run("coopération Japon kangourou", &tq).size(), 1u);
    EXPECT_EQ(tq.ignored, std::vector<std::string>{"kangourou"});
    EXPECT_EQ(tq.unknown, std::vector<std::string>{"kangourou"});
    EXPECT_FALSE(tq.relaxed.empty());
    // As many unknown words as known ones: the query is about something else.
    EXPECT_TRUE(run("Japon kangourou", &tq).empty());
    EXPECT_TRUE(tq.ignored.empty());
    EXPECT_TRUE(tq.relaxed.empty());
    EXPECT_TRUE(run("Japon kangourou ornithorynque koala", &tq).empty());
}

TEST_F(BuildTextQuery, SpellingComesBeforeMultiWordSynonyms) {
    // "developement" corrected joins "agence française" in the key of "AFD".
    db_.add_spelling("developpement");
    db_.commit();
    TextQuery tq;
    auto found = run("agence française developement", &tq);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("AFD"), std::string::npos);
    EXPECT_EQ(tq.suggestion, "agence française developpement");
}

TEST_F(BuildTextQuery, HyphenatedWordsMatchTheirInflections) {
    add_text("Les partenariats franco-américains");
    db_.commit();
    TextQuery tq;
    ASSERT_EQ(run("partenariat franco-américain", &tq).size(), 1u);
    EXPECT_TRUE(tq.match_terms.stems.count(terms::stem("americains")));  // the snippet marks the inflection
    // A phrase in quotes is exact.
    EXPECT_TRUE(run("\"franco-américain\"").empty());
    EXPECT_EQ(run("\"franco-américains\"").size(), 1u);
}

TEST_F(BuildTextQuery, TwoEditsFromSixLettersKeepTheFirstLetter) {
    add_text("Le cortège de la Tunisie");
    db_.commit();
    TextQuery tq;
    EXPECT_EQ(run("Tunisy", &tq).size(), 1u);  // y for ie: two edits
    EXPECT_EQ(tq.suggestion, "tunisie");
    EXPECT_TRUE(run("norvege", &tq).empty());  // "cortege" is two edits away, from another first letter
    EXPECT_TRUE(tq.suggestion.empty());
}

TEST_F(BuildTextQuery, ModalVerbsOfAQuestionAreLeftOut) {
    TextQuery tq;
    EXPECT_EQ(run("le Japon peut-il", &tq).size(), 1u);
    EXPECT_TRUE(tq.ignored.empty());  // not an unknown word: a question's scaffolding
    EXPECT_EQ(run("villes jumelées : que faut-il ?").size(), 1u);
}

TEST_F(BuildTextQuery, ADefinitionComesFirstForAQuestionOrABareName) {
    // Three records naming the AFD, one defining it (the indexer's term,
    // indexer/guide/definitions.hpp); the other two say "AFD" more often.
    for (const char* t : {"AFD AFD : contact à l'AFD", "AFD AFD AFD", "L'AFD est l'agence de développement"}) {
        Xapian::Document doc;
        doc.set_data(t);
        terms::index_text(doc, t, "", 1, 0);
        if (std::string(t).rfind("L'AFD est", 0) == 0) doc.add_boolean_term(terms::defined_term("afd"));
        db_.add_document(doc);
    }
    db_.commit();
    auto first = [&](const std::string& q) {
        TextQuery tq = build_text_query(parse_query_text(q), db_, lines_);
        Xapian::Enquire e(db_);
        e.set_query(tq.definition_boost.empty()
                        ? tq.query
                        : Xapian::Query(Xapian::Query::OP_AND_MAYBE, tq.query, tq.definition_boost));
        return e.get_mset(0, 1).begin().get_document().get_data();
    };
    EXPECT_EQ(first("qu'est-ce que l'AFD ?"), "L'AFD est l'agence de développement");
    EXPECT_EQ(first("c'est quoi l'AFD"), "L'AFD est l'agence de développement");
    EXPECT_EQ(first("AFD"), "L'AFD est l'agence de développement");
    // Another question about it is answered by the words alone.
    EXPECT_TRUE(build_text_query(parse_query_text("est-ce que l'AFD finance la FICOL ?"), db_, lines_)
                    .definition_boost.empty());
}
