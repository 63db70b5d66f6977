// The in-memory facet table (query/facet_table.hpp) and the facets of
// Searcher::search over an index written without term lists
// (Xapian::DB_NO_TERMLIST): they must equal those of a normal index.
#include "query/facet_table.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/geo.hpp"
#include "core/index_schema.hpp"
#include "core/text.hpp"
#include "indexer/write/xapian_writer.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;
using Facet = FacetTable::Facet;

namespace {

std::string temp_dir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("coopatlas-facets-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

/// A document as the index lays one out: the type in its value slot, the
/// facets as boolean terms.
Xapian::Document document(const std::string& type, const std::vector<std::string>& terms) {
    Xapian::Document doc;
    if (!type.empty()) doc.add_value(schema::kSlotType, type);
    for (const auto& t : terms) doc.add_boolean_term(t);
    return doc;
}

std::vector<std::string> names(const FacetTable& table, Xapian::docid did) {
    std::vector<std::string> out;
    for (auto v : table.values(did)) out.push_back(table.name(v));
    return out;
}

/// Records with 0-3 countries, themes and ODDs, of every type, some with points.
std::vector<Record> facet_records(size_t n) {
    const std::vector<Country> countries = {
        {"SN", "Sénégal"}, {"ML", "Mali"}, {"BF", "Burkina Faso"}, {"MA", "Maroc"}, {"VN", "Viêt Nam"}};
    const std::vector<std::string> themes = {"Eau et assainissement", "Culture", "Santé", "Développement économique"};
    std::vector<Record> records;
    for (size_t i = 0; i < n; ++i) {
        Record r;
        r.type = record_types()[i % record_types().size()];
        r.id = r.type + "/r-" + std::to_string(i);
        r.title = "Coopération " + std::to_string(i);
        r.text = i % 3 ? "jumelage et assainissement entre communes" : "échanges culturels et formation";
        r.page = static_cast<int>(i % 40);
        for (size_t k = 0; k < i % 4; ++k) r.countries.push_back(countries[(i + 2 * k) % countries.size()]);
        for (size_t k = 0; k < (i / 3) % 3; ++k) r.themes.push_back(themes[(i + k) % themes.size()]);
        for (size_t k = 0; k < i % 3; ++k) r.odd.push_back(static_cast<int>(1 + (i * 7 + k) % 17));
        if (i % 5 != 4) r.geo.push_back({14.7 + 0.01 * static_cast<double>(i % 50), -17.4, "Dakar", "city", "test"});
        if (i % 7 == 0) r.geo.push_back({48.85, 2.35, "Paris", "city", "test"});
        records.push_back(std::move(r));
    }
    return records;
}

/// The index folder a Searcher opens, written by the indexer's own writer.
void write_index(const std::vector<Record>& records, const std::string& dir, bool termlists, unsigned shards = 1) {
    indexer::XapianWriteOptions options;
    options.termlists = termlists;
    options.shards = shards;
    indexer::write_search_index(records, dir, options);
}

}  // namespace

TEST(FacetTable, ReadsTypesFromTheSlotAndTermFacetsFromPostingLists) {
    const std::string dir = temp_dir("table");
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_TERMLIST);
        db.add_document(document("partner", {"XCsn", "XCml", "XHeau-et-assainissement", "XO6"}));
        db.add_document(document("passage", {}));
        db.add_document(document("", {"XCsn"}));  // no type
        // A term of a longer prefix ("XC" + upper case) is no country.
        db.add_document(document("partner", {"XCAnot-a-country", "XO17"}));
        db.replace_document(7, document("programme", {"XHculture"}));  // a gap: docids 5 and 6 unused
        db.commit();
    }
    Xapian::Database db(dir);
    FacetTable table = FacetTable::load(db);
    EXPECT_EQ(names(table, 1), (std::vector<std::string>{"partner", "ml", "sn", "eau-et-assainissement", "6"}));
    EXPECT_EQ(names(table, 2), (std::vector<std::string>{"passage"}));
    EXPECT_EQ(names(table, 3), (std::vector<std::string>{"sn"}));
    EXPECT_EQ(names(table, 4), (std::vector<std::string>{"partner", "17"}));
    EXPECT_TRUE(table.values(5).empty());
    EXPECT_EQ(names(table, 7), (std::vector<std::string>{"programme", "culture"}));
    EXPECT_TRUE(table.values(0).empty());
    EXPECT_TRUE(table.values(8).empty());  // beyond the last docid
    EXPECT_TRUE(table.values(~Xapian::docid{0}).empty());
    EXPECT_EQ(table.type(1), "partner");
    EXPECT_EQ(table.type(3), "");
    EXPECT_EQ(table.type(100), "");
    for (auto v : table.values(1)) EXPECT_EQ(table.name(v) == "partner", table.facet(v) == Facet::type);
    EXPECT_GT(table.memory_bytes(), 0u);
    fs::remove_all(dir);
}

TEST(FacetTable, EmptyDatabaseHasNoValues) {
    const std::string dir = temp_dir("empty");
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        db.commit();
    }
    FacetTable table = FacetTable::load(Xapian::Database(dir));
    EXPECT_EQ(table.value_count(), 0u);
    EXPECT_TRUE(table.values(1).empty());
    fs::remove_all(dir);
}

TEST(FacetSpy, CountsTheMatchesOfAQueryByValue) {
    const std::string dir = temp_dir("spy");
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_TERMLIST);
        db.add_document(document("partner", {"XCsn", "XCml", "XO6"}));
        db.add_document(document("partner", {"XCsn"}));
        db.add_document(document("passage", {"XCml", "XO6"}));
        db.add_document(document("contact", {}));
        db.commit();
    }
    Xapian::Database db(dir);
    FacetTable table = FacetTable::load(db);
    auto count = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        auto spy = std::make_unique<FacetSpy>(table);
        enquire.add_matchspy(spy.get());
        enquire.get_mset(0, 1, db.get_doccount());  // every match is counted, only one returned
        return spy;
    };
    auto all = count(Xapian::Query::MatchAll);
    EXPECT_EQ(all->counts(Facet::type),
              (std::map<std::string, Xapian::doccount>{{"contact", 1}, {"partner", 2}, {"passage", 1}}));
    EXPECT_EQ(all->counts(Facet::country), (std::map<std::string, Xapian::doccount>{{"ml", 2}, {"sn", 2}}));
    EXPECT_EQ(all->counts(Facet::odd), (std::map<std::string, Xapian::doccount>{{"6", 2}}));
    EXPECT_TRUE(all->counts(Facet::theme).empty());
    auto ml = count(Xapian::Query("XCml"));
    EXPECT_EQ(ml->counts(Facet::type), (std::map<std::string, Xapian::doccount>{{"partner", 1}, {"passage", 1}}));
    EXPECT_EQ(ml->counts(Facet::country), (std::map<std::string, Xapian::doccount>{{"ml", 2}, {"sn", 1}}));
    fs::remove_all(dir);
}

class NoTermlistIndex : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        records_ = new std::vector<Record>(facet_records(60));
        normal_dir_ = temp_dir("normal");
        bare_dir_ = temp_dir("bare");
        write_index(*records_, normal_dir_, true);
        write_index(*records_, bare_dir_, false);
        normal_ = new Searcher(normal_dir_);
        bare_ = new Searcher(bare_dir_);
    }
    static void TearDownTestSuite() {
        delete normal_;
        delete bare_;
        delete records_;
        fs::remove_all(normal_dir_);
        fs::remove_all(bare_dir_);
    }
    /// The requests of the page and the API: empty, words, each facet filter, areas, sort, paging.
    static std::vector<SearchRequest> requests() {
        std::vector<SearchRequest> out(10);
        out[1].q = "assainissement";
        out[2].q = "jumelage communes";
        out[2].country = "SN";
        out[3].theme = "Eau et assainissement";
        out[4].odd = 6;
        out[5].type = "partner";
        out[6].near = geo::LatLon{14.7, -17.4};
        out[6].radius_km = 30;
        out[7].near = geo::LatLon{48.85, 2.35};
        out[7].radius_km = 500;
        out[7].sort = "distance";
        out[7].q = "formation";
        out[8].bbox = geo::BBox{-20, 10, -10, 20};
        out[8].offset = 5;
        out[8].limit = 5;
        out[9].q = "culturels";
        out[9].theme = "Culture";
        return out;
    }
    static std::vector<Record>* records_;
    static std::string normal_dir_, bare_dir_;
    static Searcher *normal_, *bare_;
};
std::vector<Record>* NoTermlistIndex::records_ = nullptr;
std::string NoTermlistIndex::normal_dir_, NoTermlistIndex::bare_dir_;
Searcher *NoTermlistIndex::normal_ = nullptr, *NoTermlistIndex::bare_ = nullptr;

TEST_F(NoTermlistIndex, HasReallyNoTermLists) {
    Xapian::Database bare(bare_dir_ + "/xapian"), normal(normal_dir_ + "/xapian");
    EXPECT_THROW(bare.termlist_begin(1), Xapian::FeatureUnavailableError);
    EXPECT_NE(normal.termlist_begin(1), normal.termlist_end(1));
}

TEST_F(NoTermlistIndex, FacetsAndResultsEqualThoseOfANormalIndex) {
    for (const auto& request : requests()) {
        SCOPED_TRACE("q=" + request.q + " country=" + request.country + " theme=" + request.theme);
        auto a = normal_->search(request), b = bare_->search(request);
        EXPECT_EQ(a["facets"], b["facets"]);
        EXPECT_EQ(a["facet_labels"], b["facet_labels"]);
        EXPECT_EQ(a["total"], b["total"]);
        EXPECT_EQ(a["results"], b["results"]);
        EXPECT_EQ(normal_->match_docids(request), bare_->match_docids(request));
        EXPECT_EQ(normal_->top_docids(request), bare_->top_docids(request));
        EXPECT_EQ(normal_->count(request), bare_->count(request));
        EXPECT_EQ(normal_->records(request, 0, 100).total, bare_->records(request, 0, 100).total);
    }
    EXPECT_EQ(normal_->suggest("assai"), bare_->suggest("assai"));
    EXPECT_EQ(bare_->get("partner/r-2").title, "Coopération 2");
    EXPECT_EQ(bare_->theme_label("eau-et-assainissement"), "Eau et assainissement");
}

TEST_F(NoTermlistIndex, FacetsCountEveryMatchOfTheRecords) {
    // Against the records themselves: the facets of everything.
    std::map<std::string, int> types, countries, themes, odds;
    for (const auto& r : *records_) {
        ++types[r.type];
        for (const auto& c : r.countries) ++countries[text::fold(c.code)];
        for (const auto& t : r.themes) ++themes[slugify(t)];
        for (int o : r.odd) ++odds[std::to_string(o)];
    }
    // Everything (counted from the table's totals), and a word every record
    // holds in its title (counted by the FacetSpy during Xapian's match).
    SearchRequest worded;
    worded.q = "cooperation";
    for (const auto& request : {SearchRequest{}, worded}) {
        auto body = bare_->search(request);
        EXPECT_EQ(body["total"], records_->size());
        EXPECT_EQ(body["facets"]["type"], nlohmann::json(types));
        EXPECT_EQ(body["facets"]["country"], nlohmann::json(countries));
        EXPECT_EQ(body["facets"]["theme"], nlohmann::json(themes));
        EXPECT_EQ(body["facets"]["odd"], nlohmann::json(odds));
    }
}

TEST_F(NoTermlistIndex, AnAreaAloneCountsAsTheMatcherWould) {
    // Without a word or a facet filter the matches are the spatial index's
    // answer: total and facets counted from it must equal a brute-force scan,
    // and those of the same area with a word every record holds (which goes
    // through the candidate filter).
    SearchRequest circle, box;
    circle.near = geo::LatLon{14.7, -17.4};
    circle.radius_km = 19.5;                       // points every 1.1 km northwards: none within 0.5 km of the edge
    box.bbox = geo::BBox{-20, 14.5, -15, 14.955};  // points at 14.70, 14.71...: none on the edge
    for (const auto& area : {circle, box}) {
        std::map<std::string, int> types, countries;
        std::vector<std::string> ids;
        for (const auto& r : *records_) {
            bool inside = false;
            for (const auto& g : r.geo)
                inside |= area.bbox ? area.bbox->contains({g.lat, g.lon})
                                    : geo::distance_km(*area.near, {g.lat, g.lon}) <= *area.radius_km;
            if (!inside) continue;
            ids.push_back(r.id);
            ++types[r.type];
            for (const auto& c : r.countries) ++countries[text::fold(c.code)];
        }
        ASSERT_GT(ids.size(), 10u);
        ASSERT_LT(ids.size(), records_->size() / 2);
        auto body = bare_->search(area);
        EXPECT_EQ(body["total"], ids.size());
        EXPECT_EQ(body["facets"]["type"], nlohmann::json(types));
        EXPECT_EQ(body["facets"]["country"], nlohmann::json(countries));
        ASSERT_EQ(body["results"].size(), 10u);
        for (size_t i = 0; i < 10; ++i) EXPECT_EQ(body["results"][i]["id"], ids[i]);  // record (docid) order
        SearchRequest worded = area;
        worded.q = "cooperation";
        auto matched = bare_->search(worded);
        EXPECT_EQ(matched["total"], body["total"]);
        EXPECT_EQ(matched["facets"], body["facets"]);
    }
}

TEST(NoTermlistShards, ShardsCompactIntoAnIndexWithTheSameFacets) {
    const auto records = facet_records(2400);  // write_xapian shards only from 1,000 records a shard
    const std::string normal_dir = temp_dir("shards-normal"), bare_dir = temp_dir("shards-bare");
    write_index(records, normal_dir, true, 1);
    write_index(records, bare_dir, false, 2);
    {
        Searcher normal(normal_dir), bare(bare_dir);
        SearchRequest sn;
        sn.country = "sn";
        for (const auto& request : {SearchRequest{}, sn}) {
            auto a = normal.search(request), b = bare.search(request);
            EXPECT_EQ(a["facets"], b["facets"]);
            EXPECT_EQ(a["total"], b["total"]);
        }
    }
    fs::remove_all(normal_dir);
    fs::remove_all(bare_dir);
}
