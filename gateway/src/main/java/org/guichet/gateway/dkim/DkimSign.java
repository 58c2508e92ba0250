package org.guichet.gateway.dkim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.message.Author;
import org.guichet.gateway.message.MessageBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the message with the DKIM key of its {@code From} domain, after every rewriting step:
 * rewriting From, Reply-To or the body broke any signature the application made (RFC 6376
 * §3.7), and a valid signature with {@code d=} the From domain is what DMARC alignment needs
 * (RFC 7489 §3.1.1). rsa-sha256, relaxed/relaxed; {@code h=} covers From, Reply-To, Subject,
 * Date, Message-ID, To, Cc, MIME-Version, Content-Type, Content-Transfer-Encoding and
 * Auto-Submitted where present, with From and Reply-To over-signed (RFC 6376 §8.15). The
 * {@code DKIM-Signature} field is put on top.
 *
 * <p>The body hash is computed on the exact bytes that will be relayed, and the mail's message
 * is replaced by one that writes those bytes back unchanged, even if a later step calls
 * {@code saveChanges()}. Put this mailet last, just before the relay.
 *
 * <p>A message whose From domain has no key, or whose From is missing, repeated or names
 * several domains, passes unsigned (logged at INFO): receivers then judge it by SPF alone.
 *
 * <p>Keys: those the container publishes in its
 * {@link org.guichet.gateway.mailet.GuichetServices} (Guichet does, from {@code guichet.dkim.domains}); in
 * another container such as Apache James, one domain's key from the parameters {@code domain},
 * {@code selector} (default {@value DkimKeys#DEFAULT_SELECTOR}) and {@code privateKey} (path of
 * a PKCS#8 PEM RSA private key, not readable by others).
 *
 * <pre>{@code
 * <mailet match="All" class="org.guichet.gateway.dkim.DkimSign">
 *   <domain>caf.fr</domain>
 *   <selector>guichet2026</selector>
 *   <privateKey>/etc/james/dkim/caf.fr-guichet2026.pem</privateKey>
 * </mailet>
 * }</pre>
 */
public class DkimSign extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DkimSign.class);
    private static final Set<String> PARAMETERS = Set.of("domain", "selector", "privateKey");

    private DkimKeys keys;

    /** For a container that instantiates mailets by class name (Apache James, Guichet). */
    public DkimSign() {
    }

    /** With keys given directly, ignoring the context attribute and the parameters. */
    public DkimSign(DkimKeys keys) {
        this.keys = keys;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(PARAMETERS);
        if (keys != null) {
            return;
        }
        Optional<String> domain = parameter("domain");
        Optional<String> selector = parameter("selector");
        Optional<String> privateKey = parameter("privateKey");
        if (domain.isPresent() || selector.isPresent() || privateKey.isPresent()) {
            keys = keysFromParameters(domain, selector, privateKey);
            return;
        }
        Optional<DkimKeys> published = GuichetServices.of(getMailetContext()).find(DkimKeys.class);
        if (published.isPresent()) {
            keys = published.get();
            return;
        }
        throw new MessagingException("DkimSign parameters 'domain' and 'privateKey' are missing: the container publishes"
                + " no DKIM keys (" + DkimKeys.class.getName() + " in " + GuichetServices.CONTEXT_ATTRIBUTE
                + "), so name the signing domain and its key file");
    }

    private Optional<String> parameter(String name) {
        return getInitParameterAsOptional(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static DkimKeys keysFromParameters(Optional<String> domain, Optional<String> selector,
            Optional<String> privateKey) throws MessagingException {
        if (domain.isEmpty()) {
            throw new MessagingException("DkimSign parameter 'domain' is missing: the From domain this key signs for (d=)");
        }
        if (privateKey.isEmpty()) {
            throw new MessagingException("DkimSign parameter 'privateKey' is missing: the path of the PKCS#8 PEM private key of "
                    + domain.get() + " (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem)");
        }
        String d;
        String s;
        try {
            d = DkimKeys.domain(domain.get(), "DkimSign parameter 'domain'");
            s = DkimKeys.selector(selector.orElse(null), "DkimSign parameter 'selector'");
        } catch (IllegalArgumentException e) {
            throw new MessagingException(e.getMessage());
        }
        try {
            return new DkimKeys(List.of(new DkimKeyFile(Path.of(privateKey.get())).read(d, s)));
        } catch (RuntimeException e) {
            throw new MessagingException("DkimSign parameter 'privateKey': " + e.getMessage());
        }
    }

    @Override
    public String getMailetInfo() {
        return "DKIM signature with the From domain's key (RFC 6376)";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        byte[] raw = MessageBytes.of(message);
        RawMessage parsed = new RawMessage(raw);
        Optional<String> domain = fromDomain(mail, parsed);
        if (domain.isEmpty()) {
            return;
        }
        Optional<DkimKey> key = keys.forDomain(domain.get());
        if (key.isEmpty()) {
            LOG.info("queue {}: dkim=none domain={} (no key for this From domain, relayed unsigned)", mail.getName(),
                    domain.get());
            return;
        }
        String field = DkimSignature.field(key.get(), parsed);
        byte[] signed = concat(field.getBytes(StandardCharsets.UTF_8), raw);
        SignedMessage replacement = new SignedMessage(message.getSession(), signed);
        // The relay writes the message with writeTo(); the signature holds only if that gives
        // back the very bytes that were hashed.
        if (!Arrays.equals(MessageBytes.of(replacement), signed)) {
            throw new MessagingException("DKIM: the signed message of mail " + mail.getName()
                    + " would not be relayed byte for byte (bare CR or LF in its headers?); not relayed with a broken signature");
        }
        mail.setMessage(replacement);
        LOG.info("queue {}: dkim=signed d={} s={} h={}", mail.getName(), key.get().domain(), key.get().selector(),
                String.join(":", DkimSignature.signedHeaders(parsed)));
    }

    /** The one domain of the From field, or empty (logged) when there is not exactly one. */
    private static Optional<String> fromDomain(Mail mail, RawMessage message) {
        List<String> fields = message.getFields("From");
        if (fields.size() != 1) {
            LOG.info("queue {}: dkim=none ({} From fields, RFC 5322 wants one; relayed unsigned)", mail.getName(), fields.size());
            return Optional.empty();
        }
        String field = fields.get(0);
        Set<String> domains = Author.of(List.of(field.substring(field.indexOf(':') + 1))).domains();
        if (domains.size() != 1) {
            LOG.info("queue {}: dkim=none (From names {} domains; relayed unsigned)", mail.getName(), domains.size());
            return Optional.empty();
        }
        return Optional.of(domains.iterator().next());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
