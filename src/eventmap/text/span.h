#pragma once
// A half-open byte range [begin, end) into a UTF-8 text.
#include <cstddef>
#include <string_view>

namespace eventmap::text {

struct Span {
    std::size_t begin = 0;  ///< first byte
    std::size_t end = 0;    ///< one past the last byte
    std::size_t size() const { return end - begin; }
    bool empty() const { return end <= begin; }
    /// The bytes of `text` this span covers (precondition: end <= text.size()).
    std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
    friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace eventmap::text
