#include "eventmap/export/detail/fields.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "eventmap/core/json_text.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/text/utf8.h"

namespace eventmap::exporter::detail {

namespace {

// The sources as an nlohmann tree, dumped: the reference sources_to_json() writes by hand, and its
// path for invalid UTF-8, which dump() replaces.
std::string sources_tree_json(const std::vector<events::Source>& sources) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& s : sources) {
        nlohmann::ordered_json o;
        o["article_id"] = s.article_id;
        o["title"] = s.title;
        o["url"] = s.url;
        o["published"] = s.published;
        o["sentence"] = s.sentence;
        o["trigger_start"] = s.trigger_start_cp;
        o["trigger_end"] = s.trigger_end_cp;
        o["place_start"] = s.place_start_cp;
        o["place_end"] = s.place_end_cp;
        arr.push_back(std::move(o));
    }
    // Invalid UTF-8 must not abort an export: replace it, the text stays readable.
    return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}


}  // namespace

std::string sources_to_json(const std::vector<events::Source>& sources) {
    for (const auto& s : sources)
        if (!text::is_valid_utf8(s.article_id) || !text::is_valid_utf8(s.title) || !text::is_valid_utf8(s.url) ||
            !text::is_valid_utf8(s.published) || !text::is_valid_utf8(s.sentence))
            return sources_tree_json(sources);
    // The bytes of sources_tree_json(), written directly: the tree cost more than GDAL's own work
    // on the field.
    using namespace std::string_view_literals;
    std::string out;
    std::size_t size = 2;
    for (const auto& s : sources)
        size += 160 + s.article_id.size() + s.title.size() + s.url.size() + s.published.size() + s.sentence.size();
    out.reserve(size);
    out.push_back('[');
    for (const auto& s : sources) {
        if (out.size() > 1) out.push_back(',');
        out += "{\"article_id\":"sv;
        core::append_json_string(out, s.article_id);
        out += ",\"title\":"sv;
        core::append_json_string(out, s.title);
        out += ",\"url\":"sv;
        core::append_json_string(out, s.url);
        out += ",\"published\":"sv;
        core::append_json_string(out, s.published);
        out += ",\"sentence\":"sv;
        core::append_json_string(out, s.sentence);
        out += ",\"trigger_start\":"sv;
        core::append_json_int(out, s.trigger_start_cp);
        out += ",\"trigger_end\":"sv;
        core::append_json_int(out, s.trigger_end_cp);
        out += ",\"place_start\":"sv;
        core::append_json_int(out, s.place_start_cp);
        out += ",\"place_end\":"sv;
        core::append_json_int(out, s.place_end_cp);
        out.push_back('}');
    }
    out.push_back(']');
    return out;
}

bool sources_from_json(std::string_view json, std::vector<events::Source>& out) {
    const auto arr = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!arr.is_array()) return false;
    out.clear();
    for (const auto& o : arr) {
        if (!o.is_object()) return false;
        events::Source s;
        s.article_id = o.value("article_id", std::string());
        s.title = o.value("title", std::string());
        s.url = o.value("url", std::string());
        s.published = o.value("published", std::string());
        s.sentence = o.value("sentence", std::string());
        s.trigger_start_cp = o.value("trigger_start", std::int64_t{-1});
        s.trigger_end_cp = o.value("trigger_end", std::int64_t{-1});
        s.place_start_cp = o.value("place_start", std::int64_t{-1});
        s.place_end_cp = o.value("place_end", std::int64_t{-1});
        out.push_back(std::move(s));
    }
    return true;
}

void apply_type(events::Event& e, const std::string& type, const std::string& sub, const std::string& etype) {
    const events::EventTypeInfo* info = nullptr;
    for (const auto* key : {&type, &sub, &etype})
        if (!key->empty() && (info = events::find_type(*key)) != nullptr) break;
    if (!info) info = events::find_type("other");
    e.type = std::string(info->slug);
    e.event_type = etype.empty() ? std::string(info->event_type) : etype;
    e.sub_event_type = sub.empty() ? std::string(info->sub_event_type) : sub;
}

}  // namespace eventmap::exporter::detail
