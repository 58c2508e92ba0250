package org.guichet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.casework.Answering;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import org.guichet.queue.QueueUnavailableException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The web plane with the tracker's beans, for this module's tests. In {@code org.guichet}, as
 * the deployed application is, so that entities and repositories of every module are found.
 * The mail plane is not here: the ports it implements are stood in for by a queue that holds
 * nothing and answering that cannot queue.
 */
@SpringBootApplication
public class WebTestApplication {

    @Bean
    Answering answering() {
        return request -> {
            throw new QueueUnavailableException("no mail plane in the web plane's tests", null);
        };
    }

    @Bean
    QueueOperations queueOperations() {
        return new QueueOperations() {
            @Override
            public List<QueueEntry> list(String status, int limit) {
                return List.of();
            }

            @Override
            public Optional<QueueDetail> show(String queueId) {
                return Optional.empty();
            }

            @Override
            public int flush() {
                return 0;
            }

            @Override
            public int retryNow(String queueId) {
                return 0;
            }

            @Override
            public int bounce(String queueId) {
                return 0;
            }

            @Override
            public boolean delete(String queueId) {
                return false;
            }

            @Override
            public Map<String, Long> depth() {
                return Map.of();
            }
        };
    }
}
