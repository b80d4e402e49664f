#pragma once
// Name folding shared by the index builder and every lookup, so both sides agree on keys.
#include <string>
#include <string_view>

namespace eventmap::gazetteer {

/// Folds a name for lookup: Unicode case folding + diacritics removal (utf8proc), typographic
/// apostrophes/quotes (’ ‘ ʼ ' `) and periods removed, hyphens/dashes/underscores and other
/// punctuation -> space, "st." / "st" as a first word -> "saint", runs of spaces collapsed, trimmed.
/// "Khar’kiv" == "Kharkiv" == "Khar'kiv"; "Chasiv-Yar" == "chasiv yar". Invalid UTF-8 bytes are dropped.
std::string normalize_name(std::string_view utf8);

/// Same as normalize_name, writing into `out` (cleared first) to reuse its capacity in hot loops.
void normalize_name_into(std::string_view utf8, std::string& out);

/// True when an alternate name is junk for lookup: one letter, an all-caps 3-4 letter code
/// ("GVA", "UKKK"), link-like ("http", "www.", ".com"), or without any letter (digits only).
bool is_junk_alternate(std::string_view utf8);

}  // namespace eventmap::gazetteer
