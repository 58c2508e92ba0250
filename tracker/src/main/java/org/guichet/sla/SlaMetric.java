package org.guichet.sla;

/** What a clock measures: each is started and stopped by events of a case, see {@link SlaClock}. */
public enum SlaMetric {
    /** From the first citizen message to the acknowledgement (CRPA L112-11: accusé d'enregistrement within 1 working day). */
    ACKNOWLEDGEMENT,
    /** From the first citizen message to the first answer by a person (Marianne: 5 working days). */
    FIRST_ANSWER,
    /** From a citizen's follow-up after an answer to the next answer by a person. */
    NEXT_ANSWER,
    /** From the first citizen message to the closing of the case. */
    RESOLUTION
}
