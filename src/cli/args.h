#pragma once
// A small, strict argument parser: options are declared, unknown ones are errors.
#include <optional>
#include <string>
#include <vector>

namespace eventmap::cli {

class Args {
public:
    /// value_options: options that take a value ("-o", "--format"); flags: options without one.
    Args(const std::vector<std::string>& argv, std::vector<std::string> value_options,
         std::vector<std::string> flags);

    bool flag(const std::string& name) const;
    /// The last value given for the option, if any.
    std::optional<std::string> value(const std::string& name) const;
    /// Every value given for a repeatable option, in order.
    std::vector<std::string> values(const std::string& name) const;
    std::string value_or(const std::string& name, const std::string& fallback) const;
    /// Integer option; throws UsageError when not a number in [min, max].
    long long int_or(const std::string& name, long long fallback, long long min, long long max) const;
    double double_or(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::vector<std::pair<std::string, std::string>> m_values;
    std::vector<std::string> m_flags;
    std::vector<std::string> m_positional;
};

}  // namespace eventmap::cli
