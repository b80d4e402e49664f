#pragma once
// A read-only memory mapping of a whole file (RAII: unmapped on destruction).
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace eventmap {

class MappedFile {
public:
    /// Maps `path`; ok() is false when it cannot be opened or is empty. `populate`: map every
    /// page at once (one system call instead of a page fault per 4 kB when all will be read).
    explicit MappedFile(const std::filesystem::path& path, bool populate = false);
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    bool ok() const { return m_data != nullptr; }
    const char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    std::string_view view() const { return {m_data, m_size}; }

private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace eventmap
