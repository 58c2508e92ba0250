/**
 * What Guichet would do to a message, without sending or storing anything ({@code guichet inspect}).
 * Outbound: {@link org.guichet.gateway.inspect.DryRun} runs the real
 * {@link org.guichet.gateway.pipeline.MailetContainer} on the operator's {@code pipeline.xml},
 * following the mail the mailets send through the mailet context in memory instead of the spool;
 * {@link org.guichet.gateway.inspect.OutboundReport} says what the mailets recorded and which
 * headers changed. Inbound: {@link org.guichet.gateway.inspect.InboundDryRun} asks each step of the
 * inbound processor what it would do with a citizen's message (authentication, automatic-mail
 * classification, threading read-only from the database, visible text), the session details
 * coming from options or the message's own headers ({@link org.guichet.gateway.inspect.InboundEnvelope});
 * {@link org.guichet.gateway.inspect.InboundReport} holds the answers.
 */
package org.guichet.gateway.inspect;
