#include "eventmap/geoparse/toponym.h"

#include "eventmap/gazetteer/place.h"

namespace eventmap::geoparse {

std::string_view to_string(ToponymKind kind) {
    switch (kind) {
        case ToponymKind::literal: return "literal";
        case ToponymKind::demonym: return "demonym";
        case ToponymKind::metonym: return "metonym";
        case ToponymKind::embedded: return "embedded";
    }
    return "literal";
}

void set_place(Toponym& t, const gazetteer::Place& p) {
    t.place = p.index;
    t.name.assign(p.name);  // into the strings' own buffers: no temporaries
    t.geonameid = p.geonameid;
    t.country.assign(p.country);
    t.admin1.assign(p.admin1_name);
    t.feature_code.assign(p.feature_code);
    t.point = p.point;
}

}  // namespace eventmap::geoparse
