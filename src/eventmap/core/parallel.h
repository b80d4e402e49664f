#pragma once
// Ordered parallel map for streaming pipelines: one producer, N workers, results handed to
// the sink in input order. Memory stays bounded (a window of items in flight).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace eventmap {

/// Calls produce() until it returns nullopt, work(item) on `jobs` threads, and sink(result) in
/// the order the items were produced. produce and sink run on the calling thread only.
/// An exception from any callback stops the run and is rethrown here.
template <typename In, typename Out>
void ordered_parallel(std::function<std::optional<In>()> produce, std::function<Out(In&)> work,
                      std::function<void(Out&)> sink, unsigned jobs, std::size_t window = 256) {
    if (jobs <= 1) {
        while (auto item = produce()) {
            Out r = work(*item);
            sink(r);
        }
        return;
    }
    std::mutex mu;
    std::condition_variable cv_work, cv_done;
    std::deque<std::pair<std::size_t, In>> queue;
    std::map<std::size_t, Out> done;
    bool finished = false;
    std::exception_ptr error;
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
        threads.emplace_back([&] {
            for (;;) {
                std::pair<std::size_t, In> job;
                {
                    std::unique_lock lock(mu);
                    cv_work.wait(lock, [&] { return !queue.empty() || finished || error; });
                    if (error || (queue.empty() && finished)) return;
                    job = std::move(queue.front());
                    queue.pop_front();
                }
                try {
                    Out r = work(job.second);
                    std::lock_guard lock(mu);
                    done.emplace(job.first, std::move(r));
                } catch (...) {
                    std::lock_guard lock(mu);
                    if (!error) error = std::current_exception();
                }
                cv_done.notify_all();
                cv_work.notify_all();
            }
        });
    }
    std::size_t next_in = 0, next_out = 0;
    auto drain = [&](std::unique_lock<std::mutex>& lock, bool all) {
        for (;;) {
            auto it = done.find(next_out);
            if (it != done.end()) {
                Out r = std::move(it->second);
                done.erase(it);
                ++next_out;
                lock.unlock();
                sink(r);
                lock.lock();
                continue;
            }
            if (error) return;
            if (!all && next_in - next_out < window) return;
            if (all && next_out == next_in) return;
            cv_done.wait(lock);
        }
    };
    try {
        for (;;) {
            auto item = produce();
            std::unique_lock lock(mu);
            if (error) break;
            if (!item) break;
            queue.emplace_back(next_in++, std::move(*item));
            cv_work.notify_one();
            drain(lock, false);
        }
        std::unique_lock lock(mu);
        finished = true;
        cv_work.notify_all();
        drain(lock, true);
    } catch (...) {
        std::lock_guard lock(mu);
        if (!error) error = std::current_exception();
    }
    {
        std::lock_guard lock(mu);
        finished = true;
    }
    cv_work.notify_all();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace eventmap
