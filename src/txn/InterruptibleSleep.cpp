#include "InterruptibleSleep.h"

#include <algorithm>
#include <thread>

using namespace std::chrono;

namespace {

constexpr milliseconds slice{10};

} // namespace

void sleepInterruptibly(microseconds delay, const std::function<bool()> &stop)
{
    const auto until = steady_clock::now() + delay;
    while (!(stop && stop())) {
        const auto left = until - steady_clock::now();
        if (left <= steady_clock::duration::zero())
            break;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(left, slice));
    }
}
