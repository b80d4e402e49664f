// eventmap: the command-line front end. Each subcommand lives in its own file.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "eventmap/core/error.h"

namespace eventmap::cli {

namespace {
std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

void print_help() {
    std::cout << "eventmap " EVENTMAP_VERSION " - conflict events from news articles, on a map\n\n"
                 "usage: eventmap COMMAND [ARGS...]\n\ncommands:\n";
    for (const auto& c : commands()) std::cout << "  " << c.name << std::string(14 - std::min<size_t>(13, c.name.size()), ' ') << c.summary << "\n";
    std::cout << "\n'eventmap help COMMAND' or 'eventmap COMMAND --help' shows a command's usage.\n";
}
}  // namespace

const std::vector<Command>& commands() {
    auto& r = registry();
    std::sort(r.begin(), r.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    return r;
}

void register_command(const Command& command) { registry().push_back(command); }

}  // namespace eventmap::cli

int main(int argc, char** argv) {
    using namespace eventmap::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        if (args.size() >= 2) {
            for (const auto& c : commands())
                if (c.name == args[1]) { std::cout << c.usage; return 0; }
        }
        print_help();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "eventmap " EVENTMAP_VERSION "\n";
        return 0;
    }
    for (const auto& c : commands()) {
        if (c.name != args[0]) continue;
        std::vector<std::string> rest(args.begin() + 1, args.end());
        if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
            std::cout << c.usage;
            return 0;
        }
        try {
            return c.run(rest);
        } catch (const eventmap::UsageError& e) {
            std::cerr << "eventmap " << c.name << ": " << e.what() << "\n";
            return 2;
        } catch (const std::exception& e) {
            std::cerr << "eventmap " << c.name << ": " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "eventmap: unknown command '" << args[0] << "' (see 'eventmap help')\n";
    return 2;
}
