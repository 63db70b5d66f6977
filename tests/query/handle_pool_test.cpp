#include "query/handle_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

using coopatlas::query::HandlePool;

namespace {

/// A pool of ints numbered in opening order; `opens` counts the calls to open.
struct Numbered {
    std::atomic<int> opens = 0;
    std::atomic<bool> can_open = true;
    HandlePool<int> pool;
    explicit Numbered(std::size_t max_size)
        : pool(
              std::make_unique<int>(0),
              [this]() -> std::unique_ptr<int> {
                  const int n = ++opens;
                  return can_open ? std::make_unique<int>(n) : nullptr;
              },
              max_size) {}
};

}  // namespace

TEST(HandlePool, ReusesAReturnedObject) {
    Numbered p(4);
    { auto a = p.pool.borrow(); }
    auto b = p.pool.borrow();
    EXPECT_EQ(*b, 0);
    EXPECT_EQ(p.opens, 0);
    EXPECT_EQ(p.pool.size(), 1u);
}

TEST(HandlePool, OpensAnotherWhenEveryOneIsLent) {
    Numbered p(4);
    auto a = p.pool.borrow();
    auto b = p.pool.borrow();
    EXPECT_NE(*a, *b);
    EXPECT_EQ(p.pool.size(), 2u);
}

TEST(HandlePool, ABorrowerPastTheLimitGetsAReturnedOne) {
    Numbered p(2);
    auto a = std::make_unique<HandlePool<int>::Lease>(p.pool.borrow());
    auto b = p.pool.borrow();
    const int lent = **a;
    auto third = std::async(std::launch::async, [&] { return *p.pool.borrow(); });
    a.reset();  // given back: the third borrower takes it
    EXPECT_EQ(third.get(), lent);
    EXPECT_EQ(p.pool.size(), 2u);
    EXPECT_EQ(p.opens, 1);
}

TEST(HandlePool, StopsGrowingWhenItCannotOpen) {
    Numbered p(8);
    p.can_open = false;  // e.g. the index folder now holds another build
    auto a = std::make_unique<HandlePool<int>::Lease>(p.pool.borrow());
    auto second = std::async(std::launch::async, [&] { return *p.pool.borrow(); });
    while (p.opens == 0) std::this_thread::yield();  // it tried to open one, and now waits
    a.reset();
    EXPECT_EQ(second.get(), 0);
    EXPECT_EQ(p.opens, 1);
    EXPECT_EQ(p.pool.size(), 1u);
    // It does not try again: the files it would open stay another build's.
    auto b = std::make_unique<HandlePool<int>::Lease>(p.pool.borrow());
    auto third = std::async(std::launch::async, [&] { return *p.pool.borrow(); });
    b.reset();
    EXPECT_EQ(third.get(), 0);
    EXPECT_EQ(p.opens, 1);
}
