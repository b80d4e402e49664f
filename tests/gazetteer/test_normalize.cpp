#include <catch2/catch.hpp>

#include "eventmap/gazetteer/normalize.h"

using eventmap::gazetteer::is_junk_alternate;
using eventmap::gazetteer::normalize_name;

TEST_CASE("typographic apostrophes fold away", "[gazetteer][normalize]") {
    CHECK(normalize_name("Kharkiv") == "kharkiv");
    CHECK(normalize_name("Khar'kiv") == "kharkiv");
    CHECK(normalize_name("Khar\u2019kiv") == "kharkiv");
    CHECK(normalize_name("Khar\u02BCkiv") == "kharkiv");
    CHECK(normalize_name("Khar`kiv") == "kharkiv");
}

TEST_CASE("hyphens, dashes and underscores separate words", "[gazetteer][normalize]") {
    CHECK(normalize_name("Chasiv-Yar") == "chasiv yar");
    CHECK(normalize_name("Chasiv Yar") == "chasiv yar");
    CHECK(normalize_name("Chasiv\u2013Yar") == "chasiv yar");
    CHECK(normalize_name("chasiv_yar") == "chasiv yar");
}

TEST_CASE("case folding and diacritics removal", "[gazetteer][normalize]") {
    CHECK(normalize_name("Genève") == "geneve");
    CHECK(normalize_name("GENÈVE") == "geneve");
    CHECK(normalize_name("Kraków") == "krakow");
    CHECK(normalize_name("Łódź") == "lodz");
    CHECK(normalize_name("Straße") == "strasse");
    CHECK(normalize_name("Київ") == normalize_name("КИЇВ"));
    CHECK(normalize_name("İstanbul") == "istanbul");
}

TEST_CASE("saint abbreviations only as the first word", "[gazetteer][normalize]") {
    CHECK(normalize_name("St. Petersburg") == "saint petersburg");
    CHECK(normalize_name("St Petersburg") == "saint petersburg");
    CHECK(normalize_name("Saint Petersburg") == "saint petersburg");
    CHECK(normalize_name("Ste. Marie") == "sainte marie");
    CHECK(normalize_name("Main St") == "main st");
}

TEST_CASE("punctuation and spaces are tidied", "[gazetteer][normalize]") {
    CHECK(normalize_name("  Washington,   D.C. ") == "washington dc");
    CHECK(normalize_name("Kyiv (Kiev)") == "kyiv kiev");
    CHECK(normalize_name("") == "");
    CHECK(normalize_name(" - ") == "");
}

TEST_CASE("invalid UTF-8 bytes are dropped, the rest kept", "[gazetteer][normalize]") {
    CHECK(normalize_name("Bad\xff\xfe Bytes") == "bad bytes");
}

TEST_CASE("junk alternate names are recognised", "[gazetteer][normalize]") {
    CHECK(is_junk_alternate("GVA"));
    CHECK(is_junk_alternate("IEV"));
    CHECK(is_junk_alternate("UKKK"));
    CHECK(is_junk_alternate("K"));
    CHECK(is_junk_alternate("12345"));
    CHECK(is_junk_alternate("https://en.wikipedia.org/wiki/Kyiv"));
    CHECK(is_junk_alternate("www.kyivcity.gov.ua"));
    CHECK_FALSE(is_junk_alternate("Kiev"));
    CHECK_FALSE(is_junk_alternate("Artemivs'k"));
    CHECK_FALSE(is_junk_alternate("Київ"));
    CHECK_FALSE(is_junk_alternate("Ufa"));
}
