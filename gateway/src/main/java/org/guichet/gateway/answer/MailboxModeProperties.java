package org.guichet.gateway.answer;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mailbox mode, per service, beside the service's other settings ({@code guichet.services.<code>.*},
 * bound by the administration's own properties): agents keep answering from the mailbox they
 * already use, and Guichet records and relays their answers.
 *
 * @param services mailbox settings by service code
 */
@ConfigurationProperties("guichet")
public record MailboxModeProperties(Map<String, Mailbox> services) {

    public MailboxModeProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * @param mailbox        the service's existing mailbox ({@code prestations@caf.fr}), to which each
     *                       citizen message is forwarded in mailbox mode; replies from it count as
     *                       agents' answers
     * @param agentAddresses addresses agents answer from; a reply from one of them to a case's reply
     *                       address is an answer, relayed to the citizen under the service's identity
     * @param mailboxMode    forward citizens' messages to {@code mailbox} and take answers from
     *                       {@code agent-addresses}; needs {@code mailbox}
     */
    public record Mailbox(String mailbox, @DefaultValue List<String> agentAddresses,
            @DefaultValue("false") boolean mailboxMode) {
    }
}
