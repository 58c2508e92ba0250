package org.guichet.gateway.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;

/** Stands in for the spool: keeps what the relay submits (its DSNs). */
final class RecordingSpool implements Spool {

    record Submission(Envelope envelope, byte[] raw) {
    }

    final List<Submission> submissions = new CopyOnWriteArrayList<>();

    @Override
    public String accept(Envelope envelope, byte[] raw) {
        submissions.add(new Submission(envelope, raw));
        return "DSN" + submissions.size();
    }
}
