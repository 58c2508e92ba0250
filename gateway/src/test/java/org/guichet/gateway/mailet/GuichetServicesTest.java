package org.guichet.gateway.mailet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mailet;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.conversation.RecordConversation;
import org.guichet.gateway.inspect.DryRunConversations;
import org.guichet.gateway.threading.ThreadIntoCase;
import org.junit.jupiter.api.Test;

/** Guichet's mailets find their services in one typed registry, and refuse to start without one they need. */
class GuichetServicesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-03T09:00:00Z"), ZoneOffset.UTC);

    private static FakeMailContext publishing(GuichetServices services) {
        FakeMailContext context = FakeMailContext.defaultContext();
        context.setAttribute(new Attribute(AttributeName.of(GuichetServices.CONTEXT_ATTRIBUTE),
                AttributeValue.ofUnserializable(services)));
        return context;
    }

    private static void init(Mailet mailet, String name, org.apache.mailet.MailetContext context)
            throws MessagingException {
        mailet.init(FakeMailetConfig.builder().mailetName(name).mailetContext(context).build());
    }

    @Test
    void aMailetOutsideGuichetFailsAtInitNamingTheServiceItLacks() {
        assertThatThrownBy(() -> init(new ThreadIntoCase(), "ThreadIntoCase", FakeMailContext.defaultContext()))
                .isInstanceOf(MessagingException.class)
                .hasMessageStartingWith("ThreadIntoCase needs the service org.guichet.casework.Casework");
    }

    @Test
    void theClockComesFromTheRegistryAndItsAbsenceStopsTheMailet() throws MessagingException {
        ServiceDirectory directory = new ServiceDirectory(new AdministrationProperties(null, null, Map.of()), null, Clock.systemUTC());
        GuichetServices withoutClock = GuichetServices.none()
                .with(ConversationLog.class, new DryRunConversations(clock))
                .with(ServiceDirectory.class, directory);

        assertThatThrownBy(() -> init(new RecordConversation(), "RecordConversation", publishing(withoutClock)))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("RecordConversation needs the service java.time.Clock")
                .hasMessageContaining(GuichetServices.CONTEXT_ATTRIBUTE);

        init(new RecordConversation(), "RecordConversation", publishing(withoutClock.with(Clock.class, clock)));
    }

    @Test
    void servicesAreKeyedByTheirTypeAndAReplacementLeavesTheOriginalUntouched() {
        DryRunConversations first = new DryRunConversations(clock);
        DryRunConversations second = new DryRunConversations(clock);
        GuichetServices node = GuichetServices.none().with(ConversationLog.class, first).with(Clock.class, clock);
        GuichetServices dryRun = node.with(ConversationLog.class, second);

        assertThat(node.find(ConversationLog.class)).containsSame(first);
        assertThat(dryRun.find(ConversationLog.class)).containsSame(second);
        assertThat(dryRun.find(Clock.class)).containsSame(clock);
        assertThat(node.find(DryRunConversations.class)).as("published as ConversationLog only").isEmpty();
        assertThat(node.with(ServiceDirectory.class, null)).as("a service not configured adds nothing")
                .isSameAs(node);
    }
}
