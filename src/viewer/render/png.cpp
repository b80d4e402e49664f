#include "viewer/render/png.h"

#include <gdal.h>

#include "eventmap/core/atomic_file.h"
#include "eventmap/core/error.h"
#include "eventmap/geo/gdal_handles.h"

namespace eventmap::viewer {

void write_png(const std::filesystem::path& path, const std::vector<unsigned char>& rgba, int w, int h) {
    geo::ensure_gdal_registered();
    GDALDriverH mem = GDALGetDriverByName("MEM");
    GDALDriverH png = GDALGetDriverByName("PNG");
    if (!mem || !png) throw IoError(path.string(), "GDAL lacks the MEM or PNG driver");
    geo::GdalDataset ds{GDALCreate(mem, "", w, h, 4, GDT_Byte, nullptr)};
    if (!ds) throw IoError(path.string(), "cannot create an image in memory: " + geo::last_gdal_error());
    // Pixel-interleaved source: band b starts at byte b, pixels 4 bytes apart, rows 4·w apart.
    for (int b = 0; b < 4; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds.get(), b + 1);
        if (GDALRasterIO(band, GF_Write, 0, 0, w, h, const_cast<unsigned char*>(rgba.data()) + b, w, h, GDT_Byte, 4,
                         static_cast<GSpacing>(w) * 4) != CE_None)
            throw IoError(path.string(), "cannot fill the image: " + geo::last_gdal_error());
    }
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    AtomicFile file(path);
    {
        geo::GdalDataset out{GDALCreateCopy(png, file.temp_path().c_str(), ds.get(), FALSE, nullptr, nullptr, nullptr)};
        if (!out) throw IoError(path.string(), "cannot write PNG: " + geo::last_gdal_error());
    }
    std::filesystem::remove(file.temp_path().string() + ".aux.xml");
    file.commit();
}

Image read_png(const std::filesystem::path& path) {
    geo::ensure_gdal_registered();
    geo::GdalDataset ds{GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)};
    if (!ds) throw IoError(path.string(), "cannot open image: " + geo::last_gdal_error());
    Image img;
    img.width = GDALGetRasterXSize(ds.get());
    img.height = GDALGetRasterYSize(ds.get());
    int bands = GDALGetRasterCount(ds.get());
    img.rgba.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4, 255);
    for (int b = 0; b < std::min(bands, 4); ++b) {
        if (GDALRasterIO(GDALGetRasterBand(ds.get(), b + 1), GF_Read, 0, 0, img.width, img.height, img.rgba.data() + b,
                         img.width, img.height, GDT_Byte, 4, static_cast<GSpacing>(img.width) * 4) != CE_None)
            throw IoError(path.string(), "cannot read image: " + geo::last_gdal_error());
    }
    return img;
}

}  // namespace eventmap::viewer
