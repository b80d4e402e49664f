#pragma once
// RAII for GDAL/OGR handles: unique_ptr with GDAL's own destroy functions as deleters.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>

namespace eventmap::geo {

struct GdalDatasetDeleter { void operator()(GDALDatasetH h) const noexcept { if (h) GDALClose(h); } };
struct OgrFeatureDeleter { void operator()(OGRFeatureH h) const noexcept { if (h) OGR_F_Destroy(h); } };
struct OgrGeometryDeleter { void operator()(OGRGeometryH h) const noexcept { if (h) OGR_G_DestroyGeometry(h); } };
struct OgrFieldDefnDeleter { void operator()(OGRFieldDefnH h) const noexcept { if (h) OGR_Fld_Destroy(h); } };
struct OgrSrsDeleter { void operator()(OGRSpatialReferenceH h) const noexcept { if (h) OSRRelease(h); } };

using GdalDataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, GdalDatasetDeleter>;
using OgrFeature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, OgrFeatureDeleter>;
using OgrGeometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, OgrGeometryDeleter>;
using OgrFieldDefn = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, OgrFieldDefnDeleter>;
using OgrSrs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, OgrSrsDeleter>;

/// A file in GDAL's in-memory file system (/vsimem/), unlinked when the owner goes.
class VsiMemFile {
public:
    /// A new, unique path under /vsimem/ ending in `suffix` (GDAL drivers go by the extension).
    explicit VsiMemFile(const std::string& suffix);
    VsiMemFile(const VsiMemFile&) = delete;
    VsiMemFile& operator=(const VsiMemFile&) = delete;
    ~VsiMemFile();
    const std::string& path() const { return m_path; }
    /// The file's bytes (empty when there is no such file); the file is gone afterwards.
    std::string take();

private:
    std::string m_path;
};

/// Registers GDAL's drivers once (thread-safe).
void ensure_gdal_registered();

/// Opens a vector dataset read-only; throws IoError naming the path and GDAL's message.
GdalDataset open_vector(const std::string& path);

/// The last GDAL error message, or "unknown GDAL error".
std::string last_gdal_error();

}  // namespace eventmap::geo
