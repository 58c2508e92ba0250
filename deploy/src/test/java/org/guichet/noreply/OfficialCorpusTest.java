package org.guichet.noreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.SoftAssertions;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.guichet.administration.ServiceDirectory;
import org.guichet.conversation.Conversation;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.noreply.OfficialMessage.HeaderField;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Official messages as administrations write them (plain text, HTML, alternative, related with
 * inline images, attachments, quoted-printable, base64, 8-bit ISO-8859-1 and UTF-8, long lines,
 * RFC 2047 headers, S/MIME) go through Guichet over SMTP, and each copy the smarthost receives is
 * checked: it is valid MIME, a noreply message reached each recipient as a personal copy whose
 * reply address resolves to the recorded conversation, its "do not reply" notices now invite a
 * reply, and everything else arrived as it was sent.
 *
 * <p>One application serves the whole corpus; every message has recipients of its own, so its
 * copies are told apart at the smarthost by mailbox.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OfficialCorpusTest {

    static final String REPLY_DOMAIN = "reponse.fs-herault.test";
    static final TestNode NODE = TestNode.running("corpus", "submission,worker")
            .set("guichet.node.reply-domain", REPLY_DOMAIN)
            .set("guichet.administration.code", "fs-herault")
            .set("guichet.administration.name", "France services de l'Hérault")
            .set("guichet.notice.commitment", "sous 5 jours ouvrés")
            .set("guichet.notice.commitment-english", "within 5 working days");
    static final Path CORPUS = corpusFolder();

    /** A service of the administration, and the sender domain whose mail belongs to it. */
    record Service(String code, String name, String domain) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("caf", "Caisse d'allocations familiales de l'Hérault", "caf.test"),
            new Service("impots", "Service des impôts des particuliers de Montpellier", "dgfip.test"),
            new Service("titres", "Agence nationale des titres sécurisés", "ants.test"),
            new Service("prefecture", "Préfecture de l'Hérault – Bureau de l'immigration", "herault.pref.test"),
            new Service("sante", "Caisse primaire d'assurance maladie de l'Hérault", "cpam.test"),
            new Service("mairie", "Mairie de Sète – Relations aux usagers", "ville-sete.test"),
            new Service("crous", "Crous Montpellier-Occitanie", "crous.test"),
            new Service("emploi", "France Travail Occitanie – Agence de Montpellier", "francetravail.test"));

    static final Map<String, Service> BY_DOMAIN = SERVICES.stream().collect(Collectors.toMap(Service::domain, Function.identity()));

    /** Fields a relay adds on the way (RFC 5321 §4.4): Guichet's and the smarthost's. */
    static final Set<String> TRACE = Set.of("received", "return-path");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (Service service : SERVICES) {
            registry.add("guichet.administration.services." + service.code() + ".name", service::name);
            registry.add("guichet.administration.services." + service.code() + ".senders", () -> "@" + service.domain());
        }
    }

    static GreenMail smarthost;

    @Autowired
    ReplyTokenVerifier tokens;

    @Autowired
    ConversationLog conversations;

    @Autowired
    ServiceDirectory services;

    @BeforeAll
    static void startSmarthost() {
        smarthost = new GreenMail(new ServerSetup(NODE.smarthost, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smarthost.start();
    }

    @AfterAll
    static void stopSmarthost() {
        smarthost.stop();
    }

    @Test
    void corpusHoldsEveryKindOfOfficialMessage() throws Exception {
        Set<String> kinds = new TreeSet<>();
        int withoutNotice = 0;
        for (OfficialMessage message : corpus()) {
            kinds.addAll(message.kinds());
            withoutNotice += message.name().contains("sans-avis") ? 1 : 0;
        }
        assertThat(kinds).containsAll(List.of("single text/plain", "single text/html", "multipart/alternative",
                "multipart/related", "inline image", "multipart/mixed", "attachment application/pdf", "attachment text/plain",
                "quoted-printable", "base64", "8bit", "7bit", "iso-8859-1", "utf-8", "us-ascii", "format=flowed",
                "line longer than 998 octets", "RFC 2047 Subject", "RFC 2047 From", "multipart/signed",
                "application/pkcs7-signature", "no Message-ID", "working Reply-To", "Bcc", "To and Cc"));
        assertThat(withoutNotice).isGreaterThanOrEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> everyOfficialMessageLeavesReadableWithItsNoticeReplacedAndTheRestAsSent() throws Exception {
        List<OfficialMessage> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(32);
        List<String> recipients = corpus.stream().flatMap(m -> m.recipients().stream()).toList();
        assertThat(recipients).as("each message has recipients of its own").doesNotHaveDuplicates();

        long start = System.nanoTime();
        try (SmtpSubmission smtp = new SmtpSubmission(NODE.submission)) {
            for (OfficialMessage message : corpus) {
                smtp.send(message.sender(), message.recipients(), message.raw());
            }
        }
        long submitted = System.nanoTime();
        // Not an assertion: a message that never arrives fails its own test below, not the others.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (smarthost.getReceivedMessages().length < recipients.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("corpus: %d messages submitted in %d ms, %d of %d copies at the smarthost after %d ms%n", corpus.size(),
                (submitted - start) / 1_000_000, smarthost.getReceivedMessages().length, recipients.size(),
                (System.nanoTime() - start) / 1_000_000);

        return corpus.stream().map(message -> dynamicTest(message.name(), () -> check(message)));
    }

    private static List<OfficialMessage> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(OfficialMessage::read).toList();
        }
    }

    private void check(OfficialMessage message) throws Exception {
        Map<String, byte[]> copies = new LinkedHashMap<>();
        for (String recipient : message.recipients()) {
            List<MimeMessage> received = smarthost.findReceivedMessages(
                    user -> user.getEmail().equalsIgnoreCase(recipient), m -> true).toList();
            assertThat(received).as("copies received by %s", recipient).hasSize(1);
            copies.put(recipient, bytes(received.getFirst()));
        }
        SoftAssertions softly = new SoftAssertions();
        if (message.hasReplyTo()) {
            for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
                checkPassedAsSent(softly, message, copy.getKey(), copy.getValue());
            }
        } else {
            Set<String> messageIds = new HashSet<>();
            for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
                checkPersonalCopy(softly, message, copy.getKey(), copy.getValue(), messageIds);
            }
        }
        softly.assertAll();
    }

    /** A message that already offers a way to answer (a working Reply-To) is none of Guichet's business. */
    private static void checkPassedAsSent(SoftAssertions softly, OfficialMessage message, String recipient, byte[] copy)
            throws Exception {
        MessageEntity.of(OfficialMessage.parse(copy));
        String expected = new String(message.raw(), StandardCharsets.ISO_8859_1);
        String actual = new String(withoutTrace(copy), StandardCharsets.ISO_8859_1);
        softly.assertThat(actual).as("%s: the copy for %s, trace fields aside", message.name(), recipient).isEqualTo(expected);
    }

    private void checkPersonalCopy(SoftAssertions softly, OfficialMessage message, String recipient, byte[] raw,
            Set<String> messageIds) throws Exception {
        String who = message.name() + " to " + recipient;
        MimeMessage copy = OfficialMessage.parse(raw);
        MessageEntity delivered = MessageEntity.of(copy);
        MessageEntity original = MessageEntity.of(message.parsed());

        Service service = BY_DOMAIN.get(message.senderDomain());
        String[] replyToFields = copy.getHeader("Reply-To");
        assertThat(replyToFields).as("%s: Reply-To fields", who).hasSize(1);
        InternetAddress[] replyTo = InternetAddress.parseHeader(replyToFields[0], true);
        assertThat(replyTo).as("%s: Reply-To addresses", who).hasSize(1);
        softly.assertThat(replyTo[0].getPersonal()).as("%s: name shown on the reply address", who).isEqualTo(service.name());
        String address = replyTo[0].getAddress();
        assertThat(address).as("%s: reply address", who).startsWith("reply+").endsWith("@" + REPLY_DOMAIN);
        ReplyToken token = tokens.verifyLocalPart(address.substring(0, address.indexOf('@'))).orElseThrow(
                () -> new AssertionError(who + ": token of " + address + " does not verify"));
        Conversation conversation = conversations.find(token.conversationId()).orElseThrow(
                () -> new AssertionError(who + ": no conversation " + token.conversationId()));
        softly.assertThat(conversation.recipient()).as("%s: conversation recipient", who).isEqualTo(recipient);
        softly.assertThat(conversation.serviceId()).as("%s: conversation service", who).isEqualTo(services.byCode(service.code()).id());
        softly.assertThat(conversation.subject()).as("%s: conversation subject", who).isEqualTo(message.subject());
        softly.assertThat(conversation.replyAddress()).as("%s: conversation reply address", who).isEqualTo(address);
        softly.assertThat(conversation.originalMessageId()).as("%s: original Message-ID", who).isEqualTo(message.messageId());
        softly.assertThat(conversation.finalMessageId()).as("%s: Message-ID of the copy", who).isEqualTo(copy.getMessageID())
                .isNotNull();
        softly.assertThat(messageIds.add(copy.getMessageID()))
                .as("%s: Message-ID %s is this copy's own, not shared with another copy", who, copy.getMessageID()).isTrue();
        if (message.recipients().size() == 1 && message.messageId() != null) {
            softly.assertThat(copy.getMessageID()).as("%s: the only copy keeps the sender's Message-ID", who)
                    .isEqualTo(message.messageId());
        }

        // The header as sent, apart from what a personal copy changes (RFC 5322 §3.6.3: no Bcc).
        boolean topLevelRewritten = !original.isMultipart() && NoticeSentences.hasNotice(original.visibleText())
                && !isSigned(original);
        // RFC 3834 §5: an official notice says it is automatic.
        softly.assertThat(copy.getHeader("Auto-Submitted", null)).as("%s: Auto-Submitted", who)
                .isEqualTo(message.raw().length > 0 && headerValue(message.raw(), "auto-submitted") != null
                        ? headerValue(message.raw(), "auto-submitted") : "auto-generated");
        List<String> ignored = new ArrayList<>(List.of("bcc", "message-id", "reply-to", "auto-submitted"));
        ignored.addAll(TRACE);
        if (topLevelRewritten) {
            ignored.addAll(List.of("content-type", "content-transfer-encoding", "mime-version"));
        }
        softly.assertThat(fields(raw, ignored)).as("%s: header fields", who).isEqualTo(fields(message.raw(), ignored));

        if (isSigned(original)) {
            // RFC 8551: the signed body must reach the reader byte for byte or the signature breaks.
            softly.assertThat(new String(HeaderField.body(raw), StandardCharsets.ISO_8859_1)).as("%s: signed body", who)
                    .isEqualTo(new String(message.body(), StandardCharsets.ISO_8859_1));
            return;
        }
        int notices = compare(softly, who, original, delivered);
        if (message.name().contains("sans-avis")) {
            softly.assertThat(notices).as("%s: parts with a notice", who).isZero();
        } else {
            softly.assertThat(notices).as("%s: parts with a notice", who).isPositive();
        }
    }

    /** Compares an entity of the original with the one delivered; returns how many text parts held a notice. */
    private static int compare(SoftAssertions softly, String who, MessageEntity original, MessageEntity delivered) {
        String where = who + ", " + original;
        softly.assertThat(delivered.type()).as("%s: content type", where).isEqualTo(original.type());
        boolean top = original.path().isEmpty();
        if (original.isMultipart()) {
            if (!top) {
                softly.assertThat(delivered.header()).as("%s: part header", where).isEqualTo(original.header());
            }
            softly.assertThat(delivered.preamble()).as("%s: preamble", where).isEqualTo(original.preamble());
            softly.assertThat(delivered.children()).as("%s: parts", where).hasSameSizeAs(original.children());
            int notices = 0;
            for (int i = 0; i < Math.min(original.children().size(), delivered.children().size()); i++) {
                notices += compare(softly, who, original.children().get(i), delivered.children().get(i));
            }
            return notices;
        }
        if (!original.isReadableText() || !NoticeSentences.hasNotice(original.visibleText())) {
            // Untouched: images, PDFs, attachments (even a .txt with a notice), text without a notice.
            softly.assertThat(latin1(delivered.content())).as("%s: decoded content", where).isEqualTo(latin1(original.content()));
            if (!top) {
                softly.assertThat(delivered.header()).as("%s: part header", where).isEqualTo(original.header());
            }
            return 0;
        }
        String before = original.visibleText();
        String after = delivered.visibleText();
        softly.assertThat(NoticeSentences.hasNotice(after)).as("%s: a notice is left in:%n%s", where, after).isFalse();
        softly.assertThat(NoticeSentences.hasReplacement(after)).as("%s: the reply sentence is missing from:%n%s", where, after)
                .isTrue();
        softly.assertThat(NoticeSentences.markReplacements(after)).as("%s: text with the notice and its replacement marked", where)
                .isEqualTo(NoticeSentences.markNotices(before));
        if (original.isHtml()) {
            Document was = Jsoup.parse(original.text());
            Document is = Jsoup.parse(delivered.text());
            softly.assertThat(is.head().outerHtml()).as("%s: HTML head", where).isEqualTo(was.head().outerHtml());
            softly.assertThat(layout(is)).as("%s: HTML elements other than inline formatting", where).isEqualTo(layout(was));
        }
        // The part keeps its charset and transfer encoding, unless the sentence cannot be written in them.
        boolean ascii = original.charset() == null || original.charset().equalsIgnoreCase("us-ascii");
        if (ascii) {
            softly.assertThat(delivered.charset()).as("%s: charset", where).isIn("UTF-8", "utf-8", "us-ascii");
        } else {
            softly.assertThat(delivered.charset()).as("%s: charset", where).isEqualToIgnoringCase(original.charset());
        }
        if (ascii && original.encoding().equals("7bit")) {
            softly.assertThat(delivered.encoding()).as("%s: transfer encoding", where).isIn("7bit", "quoted-printable");
        } else {
            softly.assertThat(delivered.encoding()).as("%s: transfer encoding", where).isEqualTo(original.encoding());
        }
        if (!top) {
            softly.assertThat(delivered.headerWithout("Content-Type", "Content-Transfer-Encoding")).as("%s: other part fields", where)
                    .isEqualTo(original.headerWithout("Content-Type", "Content-Transfer-Encoding"));
        }
        return 1;
    }

    /** Inline formatting and line breaks: those inside a notice go with it, the rest are checked through the text. */
    private static final Set<String> INLINE = Set.of("b", "strong", "i", "em", "u", "span", "font", "small", "sup", "sub", "br");

    /** Every element but inline formatting and line breaks, with its attributes: links, images, tables, blocks. */
    private static List<String> layout(Document document) {
        List<String> elements = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (!INLINE.contains(element.normalName())) {
                elements.add(element.normalName() + element.attributes().html());
            }
        }
        return elements;
    }

    /** Bytes as ISO-8859-1 text, one character per byte, so that a difference shows where it is. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSigned(MessageEntity entity) {
        return entity.flatten().stream().anyMatch(e -> e.type().equals("multipart/signed"));
    }

    private static List<String> fields(byte[] message, List<String> ignored) {
        return HeaderField.of(message).stream().filter(f -> !ignored.contains(f.name().toLowerCase(Locale.ROOT)))
                .map(HeaderField::text).toList();
    }

    private static byte[] withoutTrace(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        for (HeaderField field : HeaderField.of(message)) {
            if (!TRACE.contains(field.name().toLowerCase(Locale.ROOT))) {
                out.writeBytes((field.text() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(HeaderField.body(message));
        return out.toByteArray();
    }

    /**
     * The message as the smarthost received it. GreenMail's DATA reader drops the CRLF that ends the
     * last line along with the terminating dot, though RFC 5321 §4.1.1.4 makes it part of the
     * message: it is put back, since every corpus message ends with one.
     */
    private static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        byte[] raw = out.toByteArray();
        if (raw.length < 2 || raw[raw.length - 2] != '\r' || raw[raw.length - 1] != '\n') {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static Path corpusFolder() {
        try {
            return Path.of(OfficialCorpusTest.class.getResource("/official-messages").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a header field in raw bytes, unfolded, or null. */
    private static String headerValue(byte[] raw, String name) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        for (String line : (end < 0 ? head : head.substring(0, end)).replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
