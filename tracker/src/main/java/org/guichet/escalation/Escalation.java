package org.guichet.escalation;

import java.util.Objects;
import java.util.Optional;

import org.guichet.sla.ClockFigure;
import org.guichet.sla.ImplicitDecisionDeadline;

/**
 * A flag the sweep decided to raise, with what the supervisors' notice says about it.
 *
 * @param flag                the flag (its key in {@code case_flag})
 * @param figure              the clock, for warnings, breaches and the third message; else null
 * @param deadline            the implicit decision, for {@link FlagKind#DECISION_DATE_APPROACHING}; else null
 * @param unansweredMessages  citizen messages since the awaited answer's clock started, for the third message
 */
public record Escalation(CaseFlag flag, ClockFigure figure, ImplicitDecisionDeadline deadline,
                         int unansweredMessages) {

    public Escalation {
        Objects.requireNonNull(flag, "flag");
    }

    public FlagKind kind() {
        return flag.kind();
    }

    public Optional<ClockFigure> clock() {
        return Optional.ofNullable(figure);
    }

    public Optional<ImplicitDecisionDeadline> decision() {
        return Optional.ofNullable(deadline);
    }
}
