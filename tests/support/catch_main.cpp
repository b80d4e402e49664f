// Compiled once into an object library: Catch2 2's main is slow to build.
#define CATCH_CONFIG_MAIN
// Test names are long sentences. At Catch's default 80 columns, a name whose ": " falls near the end of a
// wrapped line sends Catch 2's text wrapping into an endless loop when the test fails (it filled a disk).
#define CATCH_CONFIG_CONSOLE_WIDTH 300
#include <catch2/catch.hpp>
