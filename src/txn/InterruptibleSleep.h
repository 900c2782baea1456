#pragma once

#include <chrono>
#include <functional>

// Sleeps `delay` in short slices and returns early once `stop` says so (a cancelled action,
// a worker shutting down). The one real sleep of the txn layer; the runner and the edit
// worker inject it as their sleeper, tests inject a fake.
void sleepInterruptibly(std::chrono::microseconds delay, const std::function<bool()> &stop);
