package org.guichet.gateway.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.guichet.checkpoint.Checkpoint;
import org.guichet.checkpoint.CheckpointProperties;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.gateway.spool.Envelope;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;
import org.guichet.node.NodeLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the head of the event log once per {@code guichet.audit.checkpoints.interval} and
 * mails the checkpoint to the auditors through the spool (signed with DKIM, relayed and
 * retried like any mail Guichet writes). Several worker nodes may run it: one signs.
 */
class CheckpointWorker extends NodeLoop {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWorker.class);
    /** How often a worker looks whether a checkpoint is due, at most. */
    private static final Duration LOOK = Duration.ofMinutes(5);

    private final Checkpoints checkpoints;
    private final CheckpointProperties settings;
    private final CheckpointLetter letter;
    private final Spool spool;
    private final Clock clock;

    CheckpointWorker(Checkpoints checkpoints, CheckpointProperties settings, CheckpointLetter letter, Spool spool,
            Clock clock) {
        super("guichet-checkpoint");
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.letter = letter;
        this.spool = spool;
        this.clock = clock;
    }

    @Override
    protected boolean round() throws SpoolUnavailableException {
        signIfDue();
        return false;
    }

    /** Signs and sends a checkpoint when one is due; package-private so tests drive it. */
    Optional<Checkpoint> signIfDue() throws SpoolUnavailableException {
        Optional<Checkpoint> signed = checkpoints.signIfDue(settings.interval());
        if (signed.isPresent()) {
            Checkpoint checkpoint = signed.get();
            String queueId = settings.recipients().isEmpty() ? null : spool.accept(
                    Envelope.local(letter.senderAddress(), settings.recipients()),
                    letter.write(checkpoint, checkpoints.key().verifierKey(), settings.recipients(), clock.instant()));
            log.info("checkpoint: events={} key={} recipients={}{}", checkpoint.size(), checkpoints.key().keyIdHex(),
                    settings.recipients().size(), queueId == null ? " (no auditor addresses: published only)"
                            : " queue=" + queueId);
        }
        return signed;
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(settings.interval().compareTo(LOOK) < 0 ? settings.interval() : LOOK);
    }

    @Override
    protected Duration stopWait() {
        return Duration.ofSeconds(10);
    }
}
