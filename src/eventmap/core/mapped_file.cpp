#include "eventmap/core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace eventmap {

MappedFile::MappedFile(const std::filesystem::path& path, bool populate) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        m_size = static_cast<std::size_t>(st.st_size);
        void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
        if (p != MAP_FAILED) {
            m_data = static_cast<const char*>(p);
            ::madvise(p, m_size, MADV_SEQUENTIAL);
        } else {
            m_size = 0;
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
}

}  // namespace eventmap
