#include "eventmap/geo/geos_handles.h"

#include "eventmap/core/error.h"

namespace eventmap::geo {

GeosContext::GeosContext() : m_ctx(GEOS_init_r()) {
    if (!m_ctx) throw Error("GEOS could not create a context");
}

GeosContext::~GeosContext() {
    if (m_ctx) GEOS_finish_r(m_ctx);
}

}  // namespace eventmap::geo
