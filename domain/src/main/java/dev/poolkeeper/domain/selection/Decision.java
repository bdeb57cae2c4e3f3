package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;

/** The outcome of a selection: a sender with its reason, or a refusal; both with the trace. */
public sealed interface Decision {
    List<TraceStep> trace();

    /** What to do with the recipient's sticky mapping when the message is really sent. */
    enum StickyAction {
        NONE, TOUCH, CREATE, REPLACE
    }

    record Selected(Candidate sender, Reason reason, StickyAction sticky, List<TraceStep> trace)
            implements Decision {
        public Selected {
            trace = List.copyOf(trace);
        }
    }

    record AlphanumericSender(CustomFrom sender, List<TraceStep> trace) implements Decision {
        public AlphanumericSender {
            trace = List.copyOf(trace);
        }

        public Reason reason() {
            return Reason.FALLBACK_CUSTOM_FROM;
        }
    }

    record Refused(ErrorCode code, String message, List<TraceStep> trace) implements Decision {
        public Refused {
            trace = List.copyOf(trace);
        }
    }
}
