#include "web/answer_cache.hpp"

#include <gtest/gtest.h>

using coopatlas::web::AnswerCache;
using nlohmann::json;

namespace {

/// A search body as send_json writes it (members in key order).
std::string body(const std::string& title, double took_ms) {
    return json{{"results", {{{"title", title}}}}, {"took_ms", took_ms}, {"total", 1}}.dump();
}

}  // namespace

TEST(AnswerCache, KeysTellParameterListsApart) {
    EXPECT_NE(AnswerCache::key_of({{"q", "ab"}}), AnswerCache::key_of({{"qa", "b"}}));
    EXPECT_NE(AnswerCache::key_of({{"q", "a"}, {"type", "b"}}), AnswerCache::key_of({{"q", "a&type=b"}}));
    EXPECT_NE(AnswerCache::key_of({{"q", "a"}}), AnswerCache::key_of({{"q", "a"}, {"q", "a"}}));
    EXPECT_EQ(AnswerCache::key_of({{"q", "a"}, {"limit", "5"}}), AnswerCache::key_of({{"limit", "5"}, {"q", "a"}}));
}

TEST(AnswerCache, AKeptAnswerComesBackWithTheNewDuration) {
    AnswerCache cache(1 << 20);
    EXPECT_FALSE(cache.find("k", 1.0));
    cache.keep("k", body("eau", 12.5));
    EXPECT_EQ(cache.find("k", 0.25), body("eau", 0.25));
    EXPECT_FALSE(cache.find("other", 1.0));
    const json status = cache.status();
    EXPECT_EQ(status["hits"], 1);
    EXPECT_EQ(status["misses"], 2);
    EXPECT_EQ(status["entries"], 1);
}

TEST(AnswerCache, TheTopLevelDurationIsReplacedNotATitleThatLooksLikeIt) {
    AnswerCache cache(1 << 20);
    const std::string tricky = R"(x","took_ms":7,"y)";
    cache.keep("k", body(tricky, 3.0));
    EXPECT_EQ(cache.find("k", 9.0), body(tricky, 9.0));
}

TEST(AnswerCache, TheLeastRecentlyUsedGoFirstPastTheSize) {
    const std::string a = body("a", 1), b = body("b", 1), c = body("c", 1);
    AnswerCache cache(2 * (a.size() + 1) + 4);  // room for two answers and their one-byte keys
    cache.keep("a", a);
    cache.keep("b", b);
    EXPECT_TRUE(cache.find("a", 1));  // "a" used last: "b" goes when "c" comes
    cache.keep("c", c);
    EXPECT_TRUE(cache.find("a", 1));
    EXPECT_FALSE(cache.find("b", 1));
    EXPECT_TRUE(cache.find("c", 1));
}

TEST(AnswerCache, SizeZeroKeepsNothingAndALargerAnswerIsNotKept) {
    AnswerCache off(0);
    off.keep("k", body("eau", 1));
    EXPECT_FALSE(off.find("k", 1));
    AnswerCache small(10);
    small.keep("k", body("eau", 1));
    EXPECT_FALSE(small.find("k", 1));
}
