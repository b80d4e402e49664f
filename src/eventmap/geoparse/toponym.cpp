#include "eventmap/geoparse/toponym.h"

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

}  // namespace eventmap::geoparse
