#pragma once
// The small gazetteer of the geocoder tests, built from tests/fixtures/gazetteer_sources.json
// by the same builder code as var/gazetteer.gpkg.
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/gazetteer_builder/gazetteer_build.hpp"
#include "indexer/geocode/gazetteer.hpp"

namespace coopatlas::indexer::fixture {

inline SourceData fixture_sources() {
    std::ifstream in(std::string(COOPATLAS_FIXTURES) + "/gazetteer_sources.json");
    return sources_from_json(nlohmann::json::parse(in));
}

/// The fixture gazetteer in memory (no GeoPackage round trip).
inline Gazetteer fixture_gazetteer() {
    SourceData sources = fixture_sources();
    Gazetteer g;
    for (auto& p : build_places(sources)) g.add(std::move(p));
    for (const auto& s : sources.shapes) g.add_country_shape(s.code, s.wkb.data(), s.wkb.size());
    return g;
}

}  // namespace coopatlas::indexer::fixture
