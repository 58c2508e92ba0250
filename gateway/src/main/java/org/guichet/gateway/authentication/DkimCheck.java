package org.guichet.gateway.authentication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/**
 * DKIM (RFC 6376) with Apache jDKIM: every {@code DKIM-Signature} of the message as received
 * is verified, each giving its own result; keys are read from TXT records at
 * {@code <selector>._domainkey.<domain>} (§3.6.2.1) through the message's {@link DnsBudget}.
 */
final class DkimCheck {

    private static final String NO_KEY = "no key for signature";

    List<DkimResult> verify(byte[] raw, DnsBudget dns) {
        if (!signed(raw)) {
            return List.of();
        }
        DKIMVerifier verifier = new DKIMVerifier(keys(dns));
        String failure = "";
        try {
            verifier.verify(new ByteArrayInputStream(raw));
        } catch (FailException | IOException e) {
            // no signature verified; the per-signature results below say why
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        List<DkimResult> results = new ArrayList<>();
        for (Result result : verifier.getResults()) {
            results.add(result(result));
        }
        if (results.isEmpty()) {
            // the message could not even be parsed into signatures
            results.add(new DkimResult("", "", DkimResult.Verdict.PERMERROR, failure));
        }
        return results;
    }

    private static PublicKeyRecordRetriever keys(DnsBudget dns) {
        return (method, selector, domain) -> {
            // RFC 6376 §3.5: dns/txt is the only query method defined
            if (!"dns/txt".equalsIgnoreCase(method.toString()) && !"dns".equalsIgnoreCase(method.toString())) {
                throw new PermFailException("unsupported key query method " + method);
            }
            try {
                return dns.lookup(selector + "._domainkey." + domain, DnsRecords.Type.TXT);
            } catch (DnsFailure e) {
                throw new TempFailException(e.getMessage());
            }
        };
    }

    private static DkimResult result(Result result) {
        String raw = result.getDkimRawField() == null ? "" : result.getDkimRawField();
        SignatureRecord record = result.getRecord();
        String domain = tag(raw, "d");
        String selector = tag(raw, "s");
        if (domain.isEmpty() && record != null && record.getDToken() != null) {
            domain = record.getDToken().toString();
        }
        if (selector.isEmpty() && record != null && record.getSelector() != null) {
            selector = record.getSelector().toString();
        }
        String reason = result.getResultType() == Result.Type.PASS || result.getErrorMessage() == null
                ? "" : result.getErrorMessage();
        return new DkimResult(domain, selector, verdict(result.getResultType(), reason), reason);
    }

    private static DkimResult.Verdict verdict(Result.Type type, String reason) {
        return switch (type) {
            case PASS -> DkimResult.Verdict.PASS;
            case TEMPERROR -> DkimResult.Verdict.TEMPERROR;
            case PERMERROR -> DkimResult.Verdict.PERMERROR;
            case NONE -> DkimResult.Verdict.NONE;
            // RFC 6376 §6.1.2: no key published is a permanent error, not a failed signature
            case FAIL -> reason.startsWith(NO_KEY) ? DkimResult.Verdict.PERMERROR : DkimResult.Verdict.FAIL;
            case POLICY, NEUTRAL -> DkimResult.Verdict.FAIL;
        };
    }

    /** One tag of a raw {@code DKIM-Signature} field (RFC 6376 §3.2 tag-list); empty when absent. */
    static String tag(String field, String name) {
        String value = field;
        int colon = value.indexOf(':');
        if (colon >= 0 && value.substring(0, colon).strip().equalsIgnoreCase("DKIM-Signature")) {
            value = value.substring(colon + 1);
        }
        for (String spec : value.split(";")) {
            int equals = spec.indexOf('=');
            if (equals > 0 && spec.substring(0, equals).strip().equals(name)) {
                return spec.substring(equals + 1).replaceAll("\\s+", "");
            }
        }
        return "";
    }

    /** Whether the header block holds a {@code DKIM-Signature} field. */
    private static boolean signed(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = headerEnd(text);
        for (String line : text.substring(0, end).split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("dkim-signature:")) {
                return true;
            }
        }
        return false;
    }

    private static int headerEnd(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf < 0) {
            return lf < 0 ? text.length() : lf;
        }
        return lf < 0 ? crlf : Math.min(crlf, lf);
    }
}
