#include "eventmap/core/error.h"

namespace eventmap {

IoError::IoError(const std::string& path, const std::string& what)
    : Error(path + ": " + what), m_path(path) {}

FormatError::FormatError(const std::string& path, std::uint64_t line, std::int64_t byte_offset,
                         const std::string& what)
    : Error(format_location(path, line, byte_offset) + ": " + what),
      m_path(path), m_line(line), m_byte_offset(byte_offset) {}

std::string format_location(const std::string& path, std::uint64_t line, std::int64_t byte_offset) {
    std::string out = path;
    if (line > 0) {
        out.append(":").append(std::to_string(line));
        if (byte_offset >= 0) out.append(" (byte ").append(std::to_string(byte_offset)).append(")");
    } else if (byte_offset >= 0) {
        out.append(": byte ").append(std::to_string(byte_offset));
    }
    return out;
}

}  // namespace eventmap
