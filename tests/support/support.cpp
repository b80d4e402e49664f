#include "support/support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "eventmap/core/paths.h"

namespace eventmap::test {

std::filesystem::path fixture(const std::string& name) { return std::filesystem::path(EVENTMAP_TEST_FIXTURES) / name; }

std::optional<std::filesystem::path> shared_dir() {
    std::filesystem::path p = EVENTMAP_SHARED_DIR;
    if (std::filesystem::is_directory(p)) return std::filesystem::canonical(p);
    return std::nullopt;
}

std::optional<std::filesystem::path> real_index() {
    auto p = default_index_path();
    if (std::filesystem::exists(p)) return p;
    return std::nullopt;
}

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("eventmap_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
    auto dir = temp_dir("cli");
    auto in_path = dir / "stdin", out_path = dir / "stdout", err_path = dir / "stderr";
    std::ofstream(in_path, std::ios::binary) << stdin_text;
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int in = ::open(in_path.c_str(), O_RDONLY);
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(in, 0); ::dup2(out, 1); ::dup2(err, 2);
        std::vector<char*> argv;
        std::string bin = EVENTMAP_BINARY;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    std::filesystem::remove_all(dir);
    return r;
}

}  // namespace eventmap::test
