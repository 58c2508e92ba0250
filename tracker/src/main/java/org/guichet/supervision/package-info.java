/**
 * What supervisors watch per service: the backlog, its breaches and escalations, and the
 * weekly figures of first answers, recomputed from the event log by the SLA clocks.
 */
package org.guichet.supervision;
