#pragma once
// RAII for the GEOS C API (reentrant _r functions): a context and geometries owned by it.
#include <geos_c.h>

#include <memory>

namespace eventmap::geo {

/// Owns a GEOS context handle. One per thread; move-only.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GeosContext(GeosContext&& o) noexcept : m_ctx(o.m_ctx) { o.m_ctx = nullptr; }
    GeosContext& operator=(GeosContext&&) = delete;
    GEOSContextHandle_t get() const { return m_ctx; }
private:
    GEOSContextHandle_t m_ctx;
};

/// Destroys a geometry with the context that made it.
struct GeosGeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept { if (g && ctx) GEOSGeom_destroy_r(ctx, g); }
};
using GeosGeom = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

/// Wraps a freshly created geometry (may be null) for ownership.
inline GeosGeom own(const GeosContext& ctx, GEOSGeometry* g) { return GeosGeom(g, GeosGeomDeleter{ctx.get()}); }

struct GeosPreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept { if (g && ctx) GEOSPreparedGeom_destroy_r(ctx, g); }
};
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

}  // namespace eventmap::geo
