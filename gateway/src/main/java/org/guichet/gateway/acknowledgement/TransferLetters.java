package org.guichet.gateway.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.guichet.administration.ServiceIdentity;
import org.guichet.casework.Case;
import org.guichet.casework.CaseMessage;
import org.guichet.casework.Casework;
import org.guichet.casework.TransferNotice;
import org.guichet.gateway.answer.CaseLetters;
import org.guichet.gateway.answer.ServiceMailbox;
import org.guichet.gateway.answer.ServiceMailboxes;
import org.guichet.gateway.language.Language;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolUnavailableException;

/**
 * The letter that tells a citizen which service now holds their request (CRPA L114-2), in
 * French then English, from the new service and in the case's thread: its Reply-To is the
 * case's signed reply address, so the citizen's answer joins the case.
 */
public class TransferLetters implements TransferNotice {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final Casework casework;
    private final ServiceMailboxes services;
    private final CaseLetters letters;
    private final String french = shipped("fr");
    private final String english = shipped("en");

    public TransferLetters(Casework casework, ServiceMailboxes services, CaseLetters letters) {
        this.casework = casework;
        this.services = services;
        this.letters = letters;
    }

    @Override
    public Sent send(Case caseFile, ServiceIdentity from, ServiceIdentity to) throws NoticeUnavailableException {
        List<CaseMessage> messages = casework.messages(caseFile.id());
        ServiceMailbox service = services.of(to.id()).orElseThrow();
        // The letter follows the latest message of the thread, whoever wrote it.
        Optional<CaseMessage> latest = messages.stream().filter(m -> m.messageId() != null).reduce((a, b) -> b);
        CaseLetters.Placement placement = letters.place("transfer", caseFile, messages, service, latest);
        String text = text(caseFile, from, to);
        CaseLetters.Posted posted;
        try {
            posted = letters.post(placement, service, caseFile, caseFile.citizenAddress(), text, List.of());
        } catch (MessagingException e) {
            throw new IllegalStateException("the transfer letter of " + caseFile.reference() + " cannot be written", e);
        } catch (SpoolUnavailableException e) {
            throw new NoticeUnavailableException("the transfer letter could not be queued: " + e.getMessage(), e);
        }
        return new Sent(posted.queueId(), placement.messageId(), placement.from(), caseFile.citizenAddress(),
                posted.subject(), text, posted.acceptedAt());
    }

    String text(Case caseFile, ServiceIdentity from, ServiceIdentity to) {
        ZonedDateTime received = caseFile.openedAt().atZone(ZONE);
        return AcknowledgementTemplates.render(french, values(caseFile, from, to, received, Language.FRENCH))
                + "\n--\n\n"
                + AcknowledgementTemplates.render(english, values(caseFile, from, to, received, Language.ENGLISH));
    }

    private static Map<String, String> values(Case caseFile, ServiceIdentity from, ServiceIdentity to,
            ZonedDateTime received, Language language) {
        return Map.of("reference", caseFile.reference(), "receivedAt", ReceiptWording.moment(received, language),
                "fromService", from.name(), "toService", to.name());
    }

    private static String shipped(String language) {
        try (InputStream in = TransferLetters.class.getResourceAsStream("/transfer/" + language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the shipped transfer letter " + language + ".txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
