#pragma once
// The geoparser's word lists: words to 8-bit flags (eventmap::BasicWordTable).
#include <cstdint>

#include "eventmap/core/word_table.h"

namespace eventmap::geoparse::detail {

using WordTable = BasicWordTable<std::uint8_t>;

}  // namespace eventmap::geoparse::detail
