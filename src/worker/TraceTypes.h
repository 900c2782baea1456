#pragma once

// The statement trace as the worker layer publishes it to models and widgets: the value
// types every worker reply carries (TraceEntry, TraceOutcome). They are defined in src/txn,
// where the transaction runner records them, and are part of the worker's interface (its
// replies and statementTraced signals hold them), so models reach them through this header
// and include nothing of src/txn themselves (ARCHITECTURE.md: models use only worker).
#include "txn/Trace.h"
