#include "cli/args.h"

#include <algorithm>
#include <charconv>

#include "eventmap/core/error.h"

namespace eventmap::cli {

Args::Args(const std::vector<std::string>& argv, std::vector<std::string> value_options,
           std::vector<std::string> flags) {
    auto has = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    bool only_positional = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positional || a == "-" || a.size() < 2 || a[0] != '-') {
            m_positional.push_back(a);
            continue;
        }
        if (a == "--") { only_positional = true; continue; }
        std::string name = a, inline_value;
        bool has_inline = false;
        if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
            has_inline = true;
        }
        if (has(value_options, name)) {
            if (has_inline) {
                m_values.emplace_back(name, inline_value);
            } else {
                if (i + 1 >= argv.size()) throw UsageError("option " + name + " needs a value");
                m_values.emplace_back(name, argv[++i]);
            }
        } else if (has(flags, name) && !has_inline) {
            m_flags.push_back(name);
        } else {
            throw UsageError("unknown option " + a + " (see --help)");
        }
    }
}

bool Args::flag(const std::string& name) const {
    return std::find(m_flags.begin(), m_flags.end(), name) != m_flags.end();
}

std::optional<std::string> Args::value(const std::string& name) const {
    for (auto it = m_values.rbegin(); it != m_values.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::vector<std::string> Args::values(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_values)
        if (k == name) out.push_back(v);
    return out;
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
    auto v = value(name);
    return v ? *v : fallback;
}

long long Args::int_or(const std::string& name, long long fallback, long long min, long long max) const {
    auto v = value(name);
    if (!v) return fallback;
    long long out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size() || out < min || out > max)
        throw UsageError("option " + name + " takes a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not '" + *v + "'");
    return out;
}

double Args::double_or(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        double d = std::stod(*v, &used);
        if (used != v->size()) throw std::invalid_argument("trailing");
        return d;
    } catch (const std::exception&) {
        throw UsageError("option " + name + " takes a number, not '" + *v + "'");
    }
}

}  // namespace eventmap::cli
