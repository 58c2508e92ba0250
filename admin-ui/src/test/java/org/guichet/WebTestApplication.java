package org.guichet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.administration.LetterTemplates;
import org.guichet.casework.Answering;
import org.guichet.dns.DnsRecordCheck;
import org.guichet.dns.MailDomain;
import org.guichet.dns.MailDomains;
import org.guichet.dns.NeededRecord;
import org.guichet.queue.QueueDetail;
import org.guichet.queue.QueueEntry;
import org.guichet.queue.QueueOperations;
import org.guichet.queue.QueueUnavailableException;
import org.guichet.submitter.NewSubmitter;
import org.guichet.submitter.Submitter;
import org.guichet.submitter.SubmitterRefusedException;
import org.guichet.submitter.Submitters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The web plane with the tracker's beans, for this module's tests. In {@code org.guichet}, as
 * the deployed application is, so that entities and repositories of every module are found.
 * The mail plane is not here: the ports it implements are stood in for by a queue that holds
 * nothing, answering that cannot queue, no submitting application and no domain.
 */
@SpringBootApplication
public class WebTestApplication {

    /** What the answering stand-in fails with: the words of a database whose disk is full. */
    public static final String DATABASE_ERROR = "ERROR: could not extend file \"base/16384/24601\": No space left on"
            + " device (insert into spool_message)";

    @Bean
    Answering answering() {
        return request -> {
            throw new QueueUnavailableException(DATABASE_ERROR, null);
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

    @Bean
    Submitters submitters() {
        return new Submitters() {
            @Override
            public List<Submitter> list() {
                return List.of();
            }

            @Override
            public Optional<Submitter> find(String username) {
                return Optional.empty();
            }

            @Override
            public NewSubmitter add(String username, String description, List<String> networks) {
                throw refused(username);
            }

            @Override
            public void enable(String username, boolean enabled) {
                throw refused(username);
            }

            @Override
            public Submitter changeNetworks(String username, List<String> networks) {
                throw refused(username);
            }

            @Override
            public Submitter changeDomains(String username, List<String> domains) {
                throw refused(username);
            }

            @Override
            public void delete(String username) {
                throw refused(username);
            }

            private static SubmitterRefusedException refused(String username) {
                return new SubmitterRefusedException(SubmitterRefusedException.Reason.UNKNOWN, username,
                        "no mail plane in the web plane's tests");
            }
        };
    }

    @Bean
    MailDomains mailDomains() {
        return new MailDomains() {
            @Override
            public List<MailDomain> domains() {
                return List.of();
            }

            @Override
            public List<NeededRecord> needed(String domain) {
                return List.of();
            }

            @Override
            public List<DnsRecordCheck> check(String domain) {
                return List.of();
            }
        };
    }

    @Bean
    LetterTemplates letterTemplates() {
        return List::of;
    }
}
