#include "eventmap/core/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <system_error>

#include "eventmap/core/error.h"

namespace eventmap {

namespace {
std::atomic<unsigned> g_counter{0};
}

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    auto dir = m_target.parent_path();
    if (!dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw IoError(dir.string(), "cannot create directory: " + ec.message());
    }
    // Keep the target's extension last: GDAL picks drivers and suffix rules by it.
    std::string name = "." + m_target.stem().string() + ".tmp" + std::to_string(::getpid()) + "_" +
                       std::to_string(g_counter++) + m_target.extension().string();
    m_temp = dir.empty() ? std::filesystem::path(name) : dir / name;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)), m_temp(std::move(other.m_temp)), m_done(other.m_done) {
    other.m_done = true;
}

AtomicFile::~AtomicFile() {
    if (!m_done) {
        std::error_code ec;
        std::filesystem::remove_all(m_temp, ec);
    }
}

void AtomicFile::commit() {
    std::error_code ec;
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec) throw IoError(m_target.string(), "cannot move the finished output into place: " + ec.message());
    m_done = true;
}

}  // namespace eventmap
