#include "eventmap/events/places.h"

#include <memory>

#include "eventmap/geoparse/geoparser.h"

namespace eventmap::events {

PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gz) {
    auto parser = std::make_shared<const geoparse::Geoparser>(gz);
    return [parser](const ingest::Article& article, const text::ArticleStructure& structure) {
        return parser->parse(article, structure);
    };
}

}  // namespace eventmap::events
