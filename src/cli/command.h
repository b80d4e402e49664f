#pragma once
// Subcommands register themselves here; main() dispatches on the first argument.
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::cli {

struct Command {
    std::string_view name;     ///< e.g. "gazetteer"
    std::string_view summary;  ///< one line for `eventmap help`
    std::string_view usage;    ///< full usage text for `eventmap help NAME` / `NAME --help`
    int (*run)(const std::vector<std::string>& args);  ///< args after the subcommand name
};

/// All registered commands, sorted by name.
const std::vector<Command>& commands();

/// Called by a Registrar at static-initialisation time.
void register_command(const Command& command);

struct Registrar {
    explicit Registrar(const Command& command) { register_command(command); }
};

}  // namespace eventmap::cli
