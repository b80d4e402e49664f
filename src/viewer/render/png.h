#pragma once
// PNG files through GDAL's PNG driver (an in-memory dataset copied to PNG).
#include <filesystem>
#include <vector>

namespace eventmap::viewer {

/// Writes RGBA pixels (top row first, 4 bytes each) as a PNG, atomically; throws eventmap::IoError.
void write_png(const std::filesystem::path& path, const std::vector<unsigned char>& rgba, int width_px, int height_px);

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;  ///< top row first
    /// Pixel (x, y) as {r, g, b, a}; precondition: inside.
    const unsigned char* at(int x, int y) const { return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4; }
};

/// Reads a PNG (RGB or RGBA) back; throws eventmap::IoError.
Image read_png(const std::filesystem::path& path);

}  // namespace eventmap::viewer
