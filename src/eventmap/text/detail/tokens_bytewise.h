#pragma once
// The byte-by-byte tokenizer behind tokenize(): the reference the block path must agree with.
#include <string_view>
#include <vector>

#include "eventmap/text/tokens.h"

namespace eventmap::text::detail {

/// Same result as tokenize(), without the 64-byte block path (tests compare the two).
void tokenize_bytewise(std::string_view text, Span range, std::vector<Token>& out);

}  // namespace eventmap::text::detail
