#pragma once

#include <csignal>
#include <initializer_list>
#include <vector>

// The signals that end the program cleanly (SIGINT, SIGTERM, ...): while an object lives, their
// handler only writes a byte to a pipe (the self-pipe trick: nothing else is safe in a signal
// handler), which the owner watches: the window with a QSocketNotifier on fd(), the headless
// workload with wait(). The previous handlers come back when the object dies. One at a time.
class StopSignals
{
public:
    explicit StopSignals(std::initializer_list<int> signalNumbers);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    bool installed() const { return m_installed; }
    // The pipe's read end, readable when a signal came.
    int fd() const;
    // Reads what the pipe holds; true when a signal came.
    bool drain();
    // Sleeps at most `milliseconds` or until a signal comes; true when one came.
    bool wait(int milliseconds);

private:
    struct Previous
    {
        int signalNumber;
        struct sigaction action;
    };
    std::vector<Previous> m_previous;
    bool m_installed = false;
};
