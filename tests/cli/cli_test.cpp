#include <catch2/catch.hpp>

#include "support/support.h"

using eventmap::test::run_cli;

TEST_CASE("eventmap help lists the commands and an unknown command fails", "[cli]") {
    auto help = run_cli({"help"});
    REQUIRE(help.exit_code == 0);
    REQUIRE(help.out.find("paths") != std::string::npos);
    auto bad = run_cli({"no-such-command"});
    REQUIRE(bad.exit_code == 2);
    REQUIRE(bad.err.find("unknown command 'no-such-command'") != std::string::npos);
}

TEST_CASE("an unknown option is a usage error naming the option", "[cli]") {
    auto r = run_cli({"paths", "--frobnicate"});
    REQUIRE(r.exit_code == 2);
    REQUIRE(r.err.find("--frobnicate") != std::string::npos);
}
