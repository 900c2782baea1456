#include "StopSignals.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const int saved = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
    errno = saved;
}

} // namespace

StopSignals::StopSignals(std::initializer_list<int> signalNumbers)
{
    if (signalPipe[0] >= 0 || ::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : signalNumbers) {
        Previous previous{signalNumber, {}};
        ::sigaction(signalNumber, &action, &previous.action);
        m_previous.push_back(previous);
    }
    m_installed = true;
}

StopSignals::~StopSignals()
{
    if (!m_installed)
        return;
    for (const Previous &previous : m_previous)
        ::sigaction(previous.signalNumber, &previous.action, nullptr);
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
}

int StopSignals::fd() const
{
    return signalPipe[0];
}

bool StopSignals::drain()
{
    char byte = 0;
    bool any = false;
    while (::read(signalPipe[0], &byte, 1) == 1)
        any = true;
    return any;
}

bool StopSignals::wait(int milliseconds)
{
    pollfd watched{signalPipe[0], POLLIN, 0};
    if (::poll(&watched, 1, std::max(0, milliseconds)) <= 0)
        return false;
    return drain();
}
