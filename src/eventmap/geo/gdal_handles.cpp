#include "eventmap/geo/gdal_handles.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <atomic>
#include <mutex>

#include "eventmap/core/error.h"

namespace eventmap::geo {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

VsiMemFile::VsiMemFile(const std::string& suffix) {
    static std::atomic<unsigned long> counter{0};
    m_path = "/vsimem/eventmap_" + std::to_string(counter++) + suffix;
}

VsiMemFile::~VsiMemFile() { VSIUnlink(m_path.c_str()); }

std::string VsiMemFile::take() {
    vsi_l_offset size = 0;
    GByte* bytes = VSIGetMemFileBuffer(m_path.c_str(), &size, TRUE);  // TRUE: the buffer is ours, the file gone
    if (!bytes) return {};
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    CPLFree(bytes);
    return out;
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
