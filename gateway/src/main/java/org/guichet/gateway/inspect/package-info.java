/**
 * What Guichet would do to a message, without sending or storing anything ({@code guichet inspect}).
 * Outbound: {@link org.guichet.gateway.inspect.DryRun} runs the real
 * {@link org.guichet.gateway.pipeline.MailetContainer} on the operator's {@code pipeline.xml},
 * following the mail the mailets send through the mailet context in memory instead of the spool;
 * {@link org.guichet.gateway.inspect.OutboundReport} says what the mailets recorded and which
 * headers changed. Inbound: {@link org.guichet.gateway.inspect.InboundReport} shows what the
 * inbound components that exist read from a citizen's message.
 */
package org.guichet.gateway.inspect;
