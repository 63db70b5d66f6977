#include "query/relaxation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace coopatlas::query;

namespace {

/// Documents of one-letter words; each word group of a query is one letter.
class Relaxation : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* words : {"a b c d", "a b c", "a b", "b c d", "a", "d", "e"}) {
            Xapian::Document doc;
            for (const char* w = words; *w; ++w)
                if (*w != ' ') doc.add_term(std::string(1, *w));
            doc.set_data(words);
            db_.add_document(doc);
        }
    }
    /// The records in the order of `q`.
    std::vector<std::string> ranked(const Xapian::Query& q) const {
        Xapian::Enquire e(db_);
        e.set_query(q);
        std::vector<std::string> found;
        Xapian::MSet mset = e.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(it.get_document().get_data());
        return found;
    }
    static std::vector<Xapian::Query> groups(const std::string& letters) {
        std::vector<Xapian::Query> out;
        for (char c : letters) out.emplace_back(std::string(1, c));
        return out;
    }
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

/// How many of `letters` the record `words` holds.
size_t held(const std::string& words, const std::string& letters) {
    size_t n = 0;
    for (char c : letters) n += words.find(c) != std::string::npos;
    return n;
}

}  // namespace

TEST_F(Relaxation, AnyGroupMatchesAndMoreGroupsRankFirst) {
    const auto found = ranked(by_groups_held(groups("abcd"), groups("abcd")));
    ASSERT_EQ(found.size(), 6u);  // not "e"
    EXPECT_EQ(found.front(), "a b c d");
    for (size_t i = 1; i < found.size(); ++i)
        EXPECT_GE(held(found[i - 1], "abcd"), held(found[i], "abcd")) << found[i - 1] << " before " << found[i];
}

TEST_F(Relaxation, OnlyTheCountedGroupsDecideTheOrder) {
    // "a" and "b" are searched, but only "b" counts as holding a group (as a
    // word found only through the thesaurus does not): "b c d" (b) ranks
    // with "a b" (b) and before "a" (nothing counted), which still matches.
    const auto found = ranked(by_groups_held(groups("ab"), {Xapian::Query::MatchNothing, Xapian::Query("b")}));
    ASSERT_EQ(found.size(), 5u);
    EXPECT_EQ(found.back(), "a");  // the record without b comes last
    size_t with_b = 0;
    while (with_b < found.size() && found[with_b].find('b') != std::string::npos) ++with_b;
    EXPECT_EQ(with_b, 4u);
}

TEST_F(Relaxation, GroupWeightOutweighsBm25) {
    Xapian::Enquire e(db_);
    e.set_query(by_groups_held(groups("ad"), groups("ad")));
    Xapian::MSet mset = e.get_mset(0, 10);
    ASSERT_GE(mset.size(), 2u);
    // "a b c d" holds both groups: two group weights and its BM25 weight.
    EXPECT_EQ(mset.begin().get_document().get_data(), "a b c d");
    EXPECT_GT(mset.begin().get_weight(), 2 * kGroupWeight);
    EXPECT_LT((++mset.begin()).get_weight(), 2 * kGroupWeight);
}
