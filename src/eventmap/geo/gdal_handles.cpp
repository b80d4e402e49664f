#include "eventmap/geo/gdal_handles.h"

#include <cpl_error.h>

#include <mutex>

#include "eventmap/core/error.h"

namespace eventmap::geo {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

std::string last_gdal_error() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : std::string("unknown GDAL error");
}

GdalDataset open_vector(const std::string& path) {
    ensure_gdal_registered();
    CPLErrorReset();
    GdalDataset ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) throw IoError(path, "GDAL cannot open it as a vector dataset: " + last_gdal_error());
    return ds;
}

}  // namespace eventmap::geo
