#pragma once
/// @file handle_pool.hpp
/// Objects that one thread at a time may use (Xapian::Database handles are not
/// thread-safe), lent to the threads that need one: a thread borrows one for
/// the time of a request and gives it back, so requests run side by side,
/// each on a handle of its own, where one mutex made them wait in turn.
///
/// The pool starts with one object and opens another when every one is lent
/// out, up to `max_size`; when it cannot open one (`open` returns null: the
/// files it would read are no longer those of the first one, e.g. an index
/// folder replaced by a new build), it stops growing, and borrowers wait for
/// one to be given back.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace coopatlas::query {

template <typename T>
class HandlePool {
public:
    HandlePool(std::unique_ptr<T> first, std::function<std::unique_ptr<T>()> open, std::size_t max_size)
        : open_(std::move(open)), max_size_(max_size < 1 ? 1 : max_size) {
        free_.push_back(std::move(first));
        opened_ = 1;
    }
    HandlePool(const HandlePool&) = delete;
    HandlePool& operator=(const HandlePool&) = delete;

    /// One object, given back to the pool when the lease ends.
    class Lease {
    public:
        Lease(HandlePool& pool, std::unique_ptr<T> object) : pool_(&pool), object_(std::move(object)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (object_) pool_->give_back(std::move(object_));
        }
        T& operator*() const { return *object_; }
        T* operator->() const { return object_.get(); }

    private:
        HandlePool* pool_;
        std::unique_ptr<T> object_;
    };

    /// A free object; a new one when none is free and the pool may grow; else
    /// waits for one. A thread must not hold two leases of the same pool.
    Lease borrow() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (!free_.empty()) {
                auto object = std::move(free_.back());
                free_.pop_back();
                return Lease(*this, std::move(object));
            }
            if (growing_ && opened_ < max_size_) {
                ++opened_;  // reserved while it opens, without the lock
                lock.unlock();
                std::unique_ptr<T> fresh;
                try {
                    fresh = open_();
                } catch (...) {
                    fresh = nullptr;
                }
                lock.lock();
                if (fresh) return Lease(*this, std::move(fresh));
                --opened_;
                growing_ = false;
                continue;
            }
            returned_.wait(lock, [this] { return !free_.empty(); });
        }
    }

    /// How many objects the pool has opened (lent out or free).
    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return opened_;
    }

private:
    void give_back(std::unique_ptr<T> object) {
        {
            std::lock_guard lock(mutex_);
            free_.push_back(std::move(object));
        }
        returned_.notify_one();
    }

    std::function<std::unique_ptr<T>()> open_;
    const std::size_t max_size_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<T>> free_;
    std::size_t opened_ = 0;
    bool growing_ = true;
};

}  // namespace coopatlas::query
