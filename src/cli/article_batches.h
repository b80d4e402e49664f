#pragma once
// Articles handed to worker threads in batches (up to 32 articles or 256 KB of text): handing over
// one item costs a few thread wake-ups, which on this kind of VM cost as much as parsing a short
// article. Shared by `geoparse` and `extract`.
#include <cstddef>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

#include "eventmap/ingest/reader.h"

namespace eventmap::cli {

class ArticleBatches {
public:
    explicit ArticleBatches(ingest::ArticleReader& reader) : m_reader(reader) {}

    /// The next batch, or nothing at the end. A reading error (--strict) ends the batch it happens
    /// in: the articles read before it come first, and the error is raised on the next call, as
    /// reading one by one would.
    std::optional<std::vector<ingest::Article>> next() {
        if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
        std::vector<ingest::Article> batch;
        std::size_t bytes = 0;
        try {
            while (batch.size() < kArticles && bytes < kBytes) {
                ingest::Article a;
                if (!m_reader.next(a)) break;
                bytes += a.text.size();
                batch.push_back(std::move(a));
            }
        } catch (...) {
            if (batch.empty()) throw;
            m_error = std::current_exception();
        }
        if (batch.empty()) return std::nullopt;
        return batch;
    }

private:
    static constexpr std::size_t kArticles = 32, kBytes = 256 * 1024;
    ingest::ArticleReader& m_reader;
    std::exception_ptr m_error;
};

}  // namespace eventmap::cli
