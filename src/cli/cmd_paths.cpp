// `eventmap paths`: where this build looks for its data (useful when set-up went wrong).
#include <iostream>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/paths.h"

namespace eventmap::cli {
namespace {
int run(const std::vector<std::string>& argv) {
    Args args(argv, {}, {});
    std::cout << "data:  " << data_dir().string() << "\n"
              << "npm:   " << npm_data_dir().string() << "\n"
              << "index: " << default_index_path().string() << "\n";
    return 0;
}
const Registrar reg{{"paths", "print where eventmap looks for its data and index",
                     "usage: eventmap paths\n\nPrints the data directory ($EVENTMAP_DATA), the unpacked npm data and the\n"
                     "gazetteer index ($EVENTMAP_INDEX) this build uses.\n",
                     run}};
}  // namespace
}  // namespace eventmap::cli
