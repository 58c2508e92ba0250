package org.guichet.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guichet queue …}: the queue, as {@code postqueue} and {@code postsuper} show and change it. */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "List, inspect, retry, delete or bounce queued messages.",
        subcommands = {QueueCommand.List.class, QueueCommand.Show.class, QueueCommand.Retry.class, QueueCommand.Flush.class,
                QueueCommand.Delete.class, QueueCommand.Bounce.class})
class QueueCommand extends CommandGroup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static JsonMapper json() {
        return JsonMapper.builder().build();
    }

    /** A subcommand on the mail queue. */
    abstract static class OnQueue extends Subcommand {

        final QueueOperations queue;

        OnQueue(QueueOperations queue) {
            this.queue = queue;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Messages waiting, oldest first.")
    static class List extends OnQueue {

        @Option(names = "--status", description = "Only messages with a recipient in this state (queued, deferred).")
        String status;

        @Option(names = "--limit", defaultValue = "1000", description = "Most messages shown (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "One JSON document instead of a table.")
        boolean asJson;

        List(QueueOperations queue) {
            super(queue);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            java.util.List<QueueEntry> entries = queue.list(status, limit);
            if (asJson) {
                out.println(json().writeValueAsString(entries));
                return 0;
            }
            out.printf("%-20s %9s %-20s %s%n", "QUEUE ID", "SIZE", "ARRIVAL", "SENDER / RECIPIENTS");
            for (QueueEntry entry : entries) {
                out.printf("%-20s %9d %-20s <%s> (%s)%n", entry.queueId(), entry.size(), TIME.format(entry.receivedAt()),
                        entry.sender(), entry.stage());
                for (QueueEntry.RecipientState r : entry.recipients()) {
                    out.printf("%52s %s  %s, %d attempt(s)%s%n", "", r.recipient(), r.status(), r.attempts(),
                            r.lastReply() == null ? "" : ": " + r.lastReply());
                }
            }
            out.printf("-- %d message(s)%n", entries.size());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One message: headers, recipients, attempts.")
    static class Show extends OnQueue {

        @Parameters(paramLabel = "QUEUE_ID")
        String queueId;

        @Option(names = "--json")
        boolean asJson;

        Show(QueueOperations queue) {
            super(queue);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            var found = queue.show(queueId);
            if (found.isEmpty()) {
                err().println("guichet: no message with queue id " + queueId);
                return 1;
            }
            QueueDetail detail = found.get();
            if (asJson) {
                out.println(json().writeValueAsString(detail));
                return 0;
            }
            QueueEntry e = detail.entry();
            out.printf("queue id:  %s%nstage:     %s%narrival:   %s%nsender:    <%s>%nclient:    %s%s%nsize:      %d%n",
                    e.queueId(), e.stage(), TIME.format(e.receivedAt()), e.sender(), e.clientAddress(),
                    e.submitter() == null ? "" : " (application " + e.submitter() + ")", e.size());
            if (detail.error() != null) {
                out.println("error:     " + detail.error());
            }
            out.println();
            for (QueueEntry.RecipientState r : e.recipients()) {
                out.printf("  %s  %s, %d attempt(s)%s%n", r.recipient(), r.status(), r.attempts(),
                        r.lastReply() == null ? "" : ": " + r.lastReply());
            }
            if (!detail.attempts().isEmpty()) {
                out.println();
                for (QueueDetail.Attempt a : detail.attempts()) {
                    out.printf("  %s  %s  %s via %s on %s: %s%n", TIME.format(a.attemptedAt()), a.recipient(),
                            a.outcome(), a.nextHop(), a.node(), a.reply());
                }
            }
            out.println();
            out.println(detail.headers());
            return 0;
        }
    }

    /**
     * A change applied to each queue id named on the command line; an id that matches no
     * pending message is reported and makes the command exit 1.
     */
    abstract static class QueueAction extends OnQueue {

        @Parameters(paramLabel = "QUEUE_ID", arity = "1..*")
        java.util.List<String> queueIds;

        QueueAction(QueueOperations queue) {
            super(queue);
        }

        /** What was done to one message, or null when the id matched nothing. */
        abstract String apply(String queueId);

        @Override
        public Integer call() {
            int status = 0;
            for (String id : queueIds) {
                String done = apply(id);
                if (done == null) {
                    err().println("guichet: no pending message with queue id " + id);
                    status = 1;
                } else {
                    out().println(done);
                }
            }
            return status;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Try the message's pending recipients now.")
    static class Retry extends QueueAction {

        Retry(QueueOperations queue) {
            super(queue);
        }

        @Override
        String apply(String queueId) {
            int n = queue.retryNow(queueId);
            return n > 0 ? queueId + ": " + n + " recipient(s) scheduled now" : null;
        }
    }

    @Command(name = "flush", mixinStandardHelpOptions = true,
            description = "Make every deferred recipient due now, like postqueue -f.")
    static class Flush extends OnQueue {

        Flush(QueueOperations queue) {
            super(queue);
        }

        @Override
        public Integer call() {
            out().println("queue: " + queue.flush() + " deferred recipient(s) scheduled now");
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove messages from the queue, without a DSN.")
    static class Delete extends QueueAction {

        Delete(QueueOperations queue) {
            super(queue);
        }

        @Override
        String apply(String queueId) {
            return queue.delete(queueId) ? queueId + ": deleted" : null;
        }
    }

    @Command(name = "bounce", mixinStandardHelpOptions = true,
            description = "Give up on the pending recipients; the sender gets a DSN.")
    static class Bounce extends QueueAction {

        Bounce(QueueOperations queue) {
            super(queue);
        }

        @Override
        String apply(String queueId) {
            int n = queue.bounce(queueId);
            return n > 0 ? queueId + ": " + n + " recipient(s) to bounce" : null;
        }
    }
}
