// `eventmap events FILE`: a quick look at an event file in the terminal.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/export/reader.h"

namespace eventmap::cli {
namespace {

std::size_t terminal_width() {
    if (const char* cols = std::getenv("COLUMNS")) {
        const long n = std::strtol(cols, nullptr, 10);
        if (n >= 40 && n <= 1000) return static_cast<std::size_t>(n);
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
    return 80;
}

// Code points, not bytes, so that names such as Kramatorsk in Cyrillic line up.
std::size_t width_cp(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string fit(const std::string& s, std::size_t width) {
    if (width_cp(s) <= width) return s + std::string(width - width_cp(s), ' ');
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == width - 1) break;
            ++n;
        }
        out.push_back(s[i]);
    }
    return out + "~";
}

nlohmann::ordered_json to_json(const events::Event& e) {
    nlohmann::ordered_json j;
    j["id"] = e.id;
    j["type"] = e.type;
    j["event_type"] = e.event_type;
    j["sub_event_type"] = e.sub_event_type;
    j["event_date"] = e.event_date.iso();
    j["date_end"] = e.date_end ? nlohmann::ordered_json(e.date_end->iso()) : nlohmann::ordered_json();
    j["time_precision"] = e.time_precision;
    j["status"] = events::to_string(e.status);
    j["location"] = e.location;
    j["geonameid"] = e.geonameid;
    j["country"] = e.country;
    j["country_name"] = e.country_name;
    j["admin1"] = e.admin1;
    j["latitude"] = e.point.lat_deg;
    j["longitude"] = e.point.lon_deg;
    j["geo_precision"] = e.geo_precision;
    j["actor1"] = e.actor1;
    j["actor2"] = e.actor2;
    j["count"] = e.count ? nlohmann::ordered_json(*e.count) : nlohmann::ordered_json();
    j["fatalities"] = e.fatalities ? nlohmann::ordered_json(*e.fatalities) : nlohmann::ordered_json();
    j["confidence"] = e.confidence;
    auto& sources = j["sources"] = nlohmann::ordered_json::array();
    for (const auto& s : e.sources)
        sources.push_back({{"article_id", s.article_id}, {"title", s.title}, {"url", s.url},
                           {"published", s.published}, {"sentence", s.sentence},
                           {"trigger_start", s.trigger_start_cp}, {"trigger_end", s.trigger_end_cp},
                           {"place_start", s.place_start_cp}, {"place_end", s.place_end_cp}});
    return j;
}

int run(const std::vector<std::string>& argv) {
    Args args(argv, {"--limit", "--type", "--date-field", "--layer"}, {"--json"});
    if (args.positional().size() != 1) throw UsageError("give exactly one FILE (see eventmap help events)");
    const std::string path = args.positional().front();
    const auto limit = static_cast<std::size_t>(args.int_or("--limit", 0, 0, 1'000'000'000));
    std::string type_filter;
    if (auto t = args.value("--type")) {
        const auto* info = events::find_type(*t);
        if (!info) throw UsageError("unknown type '" + *t + "' (see docs/taxonomy.md for the slugs)");
        type_filter = std::string(info->slug);
    }
    exporter::ReadOptions options;
    options.date_field = args.value("--date-field");
    options.layer = args.value("--layer");

    const bool json = args.flag("--json");
    const std::size_t width = terminal_width();
    // date type place country actors n/f sentence
    constexpr std::size_t w_date = 10, w_type = 24, w_place = 14, w_cc = 2, w_actors = 20, w_nf = 5;
    const std::size_t fixed = w_date + w_type + w_place + w_cc + w_actors + w_nf + 6;
    // On a narrow terminal the sentence gets a line of its own rather than a useless sliver.
    const bool own_line = width < fixed + 30;
    const std::size_t w_sentence = own_line ? width - 4 : width - fixed;
    if (!json)
        std::cout << fit("date", w_date) << ' ' << fit("type", w_type) << ' ' << fit("place", w_place) << ' '
                  << fit("cc", w_cc) << ' ' << fit("actors", w_actors) << ' ' << (own_line ? "n/f\n    " : "n/f   ")
                  << "sentence\n";

    exporter::ReadReport report;
    std::size_t shown = 0, matched = 0;
    exporter::read_events(path, options, report, [&](events::Event&& e) {
        if (!type_filter.empty() && e.type != type_filter) return;
        ++matched;
        if (limit && shown >= limit) return;
        ++shown;
        if (json) {
            std::cout << to_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            return;
        }
        std::string actors = e.actor1;
        if (!e.actor2.empty()) actors += (actors.empty() ? "" : " / ") + e.actor2;
        const std::string nf = (e.count ? std::to_string(*e.count) : "-") + "/" +
                               (e.fatalities ? std::to_string(*e.fatalities) : "-");
        const std::string sentence = e.sources.empty() ? "" : e.sources.front().sentence;
        std::string line = fit(e.event_date.iso(), w_date) + ' ' + fit(e.type, w_type) + ' ' +
                           fit(e.location, w_place) + ' ' + fit(e.country, w_cc) + ' ' + fit(actors, w_actors) + ' ' +
                           fit(nf, w_nf);
        if (own_line) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            line += "\n   ";
        }
        line += ' ';
        line += width_cp(sentence) > w_sentence ? fit(sentence, w_sentence) : sentence;
        std::cout << line << '\n';
    });
    std::cerr << matched << " event" << (matched == 1 ? "" : "s") << (type_filter.empty() ? "" : " of type " + type_filter)
              << (limit && matched > shown ? " (" + std::to_string(shown) + " shown)" : "") << " from " << path
              << "; date field: " << report.date_field_used;
    if (report.skipped) std::cerr << "; " << report.skipped << " feature" << (report.skipped == 1 ? "" : "s") << " skipped";
    std::cerr << "\n";
    for (std::size_t i = 0; i < report.problems.size() && i < 5; ++i) std::cerr << "  " << report.problems[i] << "\n";
    return 0;
}

const Registrar reg{{"events", "show the events of a file as a table (or JSON Lines)",
                     "usage: eventmap events FILE [--limit N] [--type SLUG] [--json] [--date-field NAME] [--layer NAME]\n\n"
                     "Reads FILE (eventmap's GeoJSON/GeoJSONSeq/GeoPackage/FlatGeobuf/CSV, or any point layer GDAL\n"
                     "reads, with its date field detected) and prints one line per event: date, type, place,\n"
                     "country, actors, count/fatalities and the sentence, cut to the terminal width.\n"
                     "  --limit N         show at most N events\n"
                     "  --type SLUG       only events of this type (slug or ACLED sub-event name)\n"
                     "  --json            one JSON object per event (JSON Lines) instead of the table\n"
                     "  --date-field NAME the field holding the date (detected when absent)\n"
                     "  --layer NAME      the layer to read (the first when absent)\n"
                     "A summary and the first skipped features go to standard error.\n",
                     run}};
}  // namespace
}  // namespace eventmap::cli
