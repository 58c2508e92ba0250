package org.guichet.gateway.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.guichet.gateway.spool.SpooledMessage;

/**
 * Runs one message through the pipeline within {@link PipelineProperties.Budget}: the bytes it
 * may make the pipeline hold and the time it may take. A message past either is not worth
 * another try (the same input costs the same again): the caller holds it for an operator.
 */
final class ProcessingBudget {

    /** The message asked more of the pipeline than its budget gives; the reason says what. */
    static final class Exceeded extends Exception {

        Exceeded(String reason) {
            super(reason);
        }
    }

    private final PipelineProperties.Budget budget;
    // Each message runs on a virtual thread of its own, so that a run past its time can be left
    // behind: Java cannot stop a thread that ignores interruption, but the worker need not wait.
    private final ExecutorService runs = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("pipeline-run-", 0).factory());

    ProcessingBudget(PipelineProperties.Budget budget) {
        this.budget = budget;
    }

    PipelineProperties.Budget limits() {
        return budget;
    }

    /** Refuses, before any work, a message whose copies alone would pass the size budget. */
    Optional<String> refusedBeforehand(SpooledMessage message) {
        long copies = Math.max(1, message.envelope().recipients().size());
        long asked = (long) message.raw().length * copies;
        if (asked > budget.size().toBytes()) {
            return Optional.of("over the pipeline's size budget: " + message.raw().length + " bytes x " + copies
                    + " recipient(s) = " + asked + " bytes > " + budget.size().toBytes()
                    + " (guichet.pipeline.budget.size)");
        }
        return Optional.empty();
    }

    List<Outgoing> run(MessageProcessor processor, ClaimedMessage message) throws Exception {
        Future<List<Outgoing>> run = runs.submit(() -> processor.process(message));
        List<Outgoing> outcomes;
        try {
            outcomes = run.get(budget.time().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new Exceeded("over the pipeline's time budget: still running after " + budget.time()
                    + " (guichet.pipeline.budget.time)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        } catch (InterruptedException e) {
            run.cancel(true);
            throw e;
        }
        long made = outcomes.stream().mapToLong(o -> o.raw() == null ? 0 : o.raw().length).sum();
        if (made > budget.size().toBytes()) {
            throw new Exceeded("over the pipeline's size budget: its outcomes hold " + made + " bytes > "
                    + budget.size().toBytes() + " (guichet.pipeline.budget.size)");
        }
        return outcomes;
    }

    void close() {
        runs.shutdownNow();
    }
}
