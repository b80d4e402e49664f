#pragma once
// Outputs are written to a temporary file beside the target and renamed into place,
// so an interrupted run never leaves a half-written file.
#include <filesystem>
#include <string>

namespace eventmap {

class AtomicFile {
public:
    /// Reserves a temporary path next to `target` (same directory, so rename is atomic).
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&&) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();

    /// The path to write to.
    const std::filesystem::path& temp_path() const { return m_temp; }
    const std::filesystem::path& target() const { return m_target; }
    /// Renames the temporary file onto the target; throws IoError on failure.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_done = false;
};

}  // namespace eventmap
