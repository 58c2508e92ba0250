/**
 * The operators' pages ({@code /operations}, operators and administrators): the queue, the
 * submitting applications and the domains' DNS records, each through its port in the tracker.
 */
package org.guichet.web.operations;
