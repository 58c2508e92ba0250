package org.guichet.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator sees of the message queue and does to it, from the web plane or the command
 * line alike; the mail plane, which owns the queue, implements it.
 */
public interface QueueOperations {

    /**
     * Messages not yet done, oldest first.
     *
     * @param status only messages with a recipient in this state (queued, deferred…), or null
     * @param limit  most messages returned
     */
    List<QueueEntry> list(String status, int limit);

    /** One message with its headers and every delivery attempt, if it is still kept. */
    Optional<QueueDetail> show(String queueId);

    /** Makes the message due now (its waiting recipients, or its turn in the pipeline); gives how many were rescheduled. */
    int retryNow(String queueId);

    /** Makes every deferred recipient of every message due now, as {@code postqueue -f} does; gives how many. */
    int flush();

    /** Gives up the message's pending recipients and reports them to the sender; gives how many. */
    int bounce(String queueId);

    /** Removes the message; false when there was none with this id. */
    boolean delete(String queueId);

    /** Recipients by delivery state, and messages waiting for the pipeline. */
    Map<String, Long> depth();
}
