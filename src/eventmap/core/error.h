#pragma once
// Errors of the environment (I/O, missing index, library failures). Record-level
// outcomes (an unresolved name, a bad date) are data, not exceptions.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace eventmap {

/// Base of every exception eventmap throws; what() is one line a user can act on.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// A file could not be opened, read or written.
class IoError : public Error {
public:
    IoError(const std::string& path, const std::string& what);
    const std::string& path() const { return m_path; }
private:
    std::string m_path;
};

/// Input whose content is wrong, at a place in a file: line (1-based) and/or byte offset.
class FormatError : public Error {
public:
    /// line: 1-based line number, 0 when unknown; byte_offset: -1 when unknown.
    FormatError(const std::string& path, std::uint64_t line, std::int64_t byte_offset, const std::string& what);
    const std::string& path() const { return m_path; }
    std::uint64_t line() const { return m_line; }
    std::int64_t byte_offset() const { return m_byte_offset; }
private:
    std::string m_path;
    std::uint64_t m_line;
    std::int64_t m_byte_offset;
};

/// A user's request that cannot be carried out as asked (bad option, unknown format).
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(message) {}
};

/// Formats "path:line: what" / "path: byte N: what" the same way everywhere.
std::string format_location(const std::string& path, std::uint64_t line, std::int64_t byte_offset);

}  // namespace eventmap
