package org.guichet.gateway.pipeline;

import org.guichet.gateway.spool.SpooledMessage;

/**
 * A spooled message a worker holds the lease of, with where the pipeline resumes it.
 *
 * @param message    the spooled message
 * @param processor  the processor it starts in ({@code root}, or the one a mailet sent it to)
 * @param attributes the mail attributes it carried when a mailet sent it, as JSON, or null
 */
public record ClaimedMessage(SpooledMessage message, String processor, String attributes) {

    public static ClaimedMessage atRoot(SpooledMessage message) {
        return new ClaimedMessage(message, "root", null);
    }
}
