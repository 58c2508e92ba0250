package org.guichet.casework;

import org.guichet.queue.QueueUnavailableException;

/**
 * Posts an agent's answer to a case and sends it to the correspondent. The web plane answers
 * through this port; the mail plane implements it, since an answer leaves as a message.
 */
public interface Answering {

    /**
     * Sends {@code request}'s answer once: posting again with the same answer id sends nothing
     * more and gives back the first receipt, marked duplicate.
     *
     * @throws AnswerRefusedException    the answer cannot be sent; nothing was queued or recorded
     * @throws QueueUnavailableException the answer could not be queued now; the same request may be retried
     */
    AnswerReceipt answer(AnswerRequest request) throws AnswerRefusedException, QueueUnavailableException;
}
