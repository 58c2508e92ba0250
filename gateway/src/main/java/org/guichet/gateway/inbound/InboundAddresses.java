package org.guichet.gateway.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.guichet.gateway.token.ReplyToken;
import org.guichet.gateway.token.ReplyTokenVerifier;

/**
 * Which envelope recipients the inbound listener accepts: reply addresses
 * {@code reply+<token>@<reply domain>} whose token carries a valid signature, and the capture
 * addresses an operator configured, plus {@code postmaster} of each reply domain, which
 * RFC 5321 §4.5.1 requires every mail domain to accept. Everything else is unknown, and refused at RCPT so that
 * Guichet never accepts mail it would have to bounce (no backscatter).
 */
public final class InboundAddresses {

    /** What a recipient is to the inbound listener. */
    public enum Kind {
        /** A reply address with a valid signed token. */
        REPLY,
        /** An address an operator asked to capture, or postmaster of a reply domain. */
        CAPTURE,
        /** Anything else, including forged, tampered and unknown-key tokens, told apart from nothing. */
        UNKNOWN
    }

    private static final String POSTMASTER = "postmaster";

    private final Set<String> replyDomains;
    private final List<CaptureAddress> captureAddresses;
    private final ReplyTokenVerifier verifier;

    /**
     * @throws IllegalArgumentException naming the reply domain or capture address that is wrong
     */
    public InboundAddresses(List<String> replyDomains, List<String> captureAddresses, ReplyTokenVerifier verifier) {
        Set<String> domains = new LinkedHashSet<>();
        for (String written : replyDomains) {
            String domain = written == null ? null : CaptureAddress.domain(written);
            if (domain == null) {
                throw new IllegalArgumentException("reply domain '" + written + "' is not a domain name");
            }
            domains.add(domain);
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("the inbound listener needs at least one reply domain");
        }
        List<CaptureAddress> captures = new ArrayList<>();
        for (String written : captureAddresses) {
            captures.add(CaptureAddress.parse(written));
        }
        this.replyDomains = Set.copyOf(domains);
        this.captureAddresses = List.copyOf(captures);
        this.verifier = verifier;
    }

    public Set<String> replyDomains() {
        return replyDomains;
    }

    public Kind classify(String address) {
        if (replyToken(address).isPresent()) {
            return Kind.REPLY;
        }
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0) {
            return Kind.UNKNOWN;
        }
        String domain = CaptureAddress.domain(address.substring(at + 1));
        if (domain != null && replyDomains.contains(domain) && POSTMASTER.equalsIgnoreCase(address.substring(0, at))) {
            return Kind.CAPTURE;
        }
        for (CaptureAddress capture : captureAddresses) {
            if (capture.matches(address)) {
                return Kind.CAPTURE;
            }
        }
        return Kind.UNKNOWN;
    }

    /** The valid signed token of a reply address of a reply domain, else empty. */
    public Optional<ReplyToken> replyToken(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String domain = CaptureAddress.domain(address.substring(at + 1));
        // The local part may come folded to upper case (RFC 5321 §2.4); the verifier ignores case.
        return domain != null && replyDomains.contains(domain)
                ? verifier.verifyLocalPart(address.substring(0, at)) : Optional.empty();
    }

    /**
     * The address as it may be logged: the token of a reply address is a capability to post into
     * a conversation, and a near miss of a real one should not end up in logs either.
     */
    public static String forLog(String address) {
        if (address == null) {
            return "";
        }
        String prefix = ReplyToken.LOCAL_PART_PREFIX;
        int at = address.lastIndexOf('@');
        if (address.regionMatches(true, 0, prefix, 0, prefix.length()) && at > prefix.length()) {
            return address.substring(0, prefix.length()) + "<token>" + address.substring(at);
        }
        return address;
    }
}
