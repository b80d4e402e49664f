#include "eventmap/export/detail/fields.h"

#include <nlohmann/json.hpp>

#include "eventmap/events/taxonomy.h"

namespace eventmap::exporter::detail {

std::string sources_to_json(const std::vector<events::Source>& sources) {
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
