#pragma once
// Shared test support: fixture paths, ../shared when present, and running the CLI as a user does.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::test {

/// tests/fixtures/<name>
std::filesystem::path fixture(const std::string& name);

/// ../shared beside the checkout, if it exists (the suite must pass without it).
std::optional<std::filesystem::path> shared_dir();

/// The real gazetteer index built by set-up, if it exists.
std::optional<std::filesystem::path> real_index();

/// A fresh empty temporary directory for one test.
std::filesystem::path temp_dir(const std::string& name);

struct CliResult {
    int exit_code = -1;
    std::string out;  ///< standard output
    std::string err;  ///< standard error
};

/// Runs build/eventmap with `args` (no shell), optionally feeding `stdin_text`.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

/// Reads a whole file.
std::string read_file(const std::filesystem::path& path);

}  // namespace eventmap::test
