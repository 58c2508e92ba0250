package org.guichet.gateway.authentication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Guichet found out about who really sent a message: SPF, every DKIM signature, and
 * DMARC over both. Kept with the message (JSON) and written into its
 * {@code Authentication-Results} header (RFC 8601).
 *
 * @param authservId the name of the authentication service, Guichet's host name (RFC 8601 §2.5)
 * @param spf        the SPF verdict
 * @param dkim       one verdict per {@code DKIM-Signature} header; empty when unsigned
 * @param dmarc      the DMARC verdict
 */
public record AuthenticationResults(String authservId, SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuthenticationResults {
        dkim = List.copyOf(dkim);
    }

    /**
     * Whether the message is to be shown as of doubtful origin: DMARC failed, or could not be
     * applied for want of a single author address, or, where the author domain publishes no
     * DMARC record, SPF failed and no DKIM signature passed. A flag only: the message is kept.
     */
    public boolean flagged() {
        return switch (dmarc.result()) {
            case FAIL, PERMERROR -> true;
            case NONE -> spf.result() == SpfResult.Verdict.FAIL && !dkimPassed();
            case PASS, TEMPERROR -> false;
        };
    }

    /** Whether at least one DKIM signature verified. */
    public boolean dkimPassed() {
        return dkim.stream().anyMatch(DkimResult::passed);
    }

    /** The value of the {@code Authentication-Results} header, folded over several lines. */
    public String header() {
        return AuthenticationResultsHeader.render(this);
    }

    /**
     * The three verdicts in a few words, as agents see them beside the message:
     * {@code spf=pass dkim=fail dmarc=none} (dkim passes when one signature does).
     */
    public String summary() {
        String signatures = dkim.isEmpty() ? "none" : dkimPassed() ? "pass" : dkim.getFirst().result().token();
        return "spf=" + spf.result().token() + " dkim=" + signatures + " dmarc=" + dmarc.result().token();
    }

    /** The results as a JSON object, as stored in a mail attribute. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("authservId", authservId);
        ObjectNode spfNode = root.putObject("spf");
        spfNode.put("result", spf.result().token());
        spfNode.put("domain", spf.domain());
        spfNode.put("identity", spf.identity().property());
        spfNode.put("clientIp", spf.clientIp());
        ArrayNode signatures = root.putArray("dkim");
        for (DkimResult signature : dkim) {
            ObjectNode node = signatures.addObject();
            node.put("domain", signature.domain());
            node.put("selector", signature.selector());
            node.put("result", signature.result().token());
            node.put("reason", signature.reason());
        }
        ObjectNode dmarcNode = root.putObject("dmarc");
        dmarcNode.put("result", dmarc.result().token());
        dmarcNode.put("domain", dmarc.domain());
        if (dmarc.policy() != null) {
            dmarcNode.put("policy", dmarc.policy().token());
        }
        dmarcNode.put("alignedBy", dmarc.alignedBy().token());
        dmarcNode.put("dkimAlignment", dmarc.dkimAlignment().token());
        dmarcNode.put("spfAlignment", dmarc.spfAlignment().token());
        root.put("flagged", flagged());
        return root.toString();
    }

    /** Reads back what {@link #toJson()} wrote. */
    public static AuthenticationResults fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode spfNode = root.path("spf");
            SpfResult spf = new SpfResult(SpfResult.Verdict.of(spfNode.path("result").asText()),
                    spfNode.path("domain").asText(""),
                    SpfResult.Identity.HELO.property().equals(spfNode.path("identity").asText())
                            ? SpfResult.Identity.HELO : SpfResult.Identity.MAILFROM,
                    spfNode.path("clientIp").asText(""));
            List<DkimResult> dkim = new ArrayList<>();
            for (JsonNode node : root.path("dkim")) {
                dkim.add(new DkimResult(node.path("domain").asText(""), node.path("selector").asText(""),
                        DkimResult.Verdict.of(node.path("result").asText()), node.path("reason").asText("")));
            }
            JsonNode dmarcNode = root.path("dmarc");
            DmarcResult dmarc = new DmarcResult(DmarcResult.Verdict.of(dmarcNode.path("result").asText()),
                    dmarcNode.path("domain").asText(""),
                    dmarcNode.hasNonNull("policy") ? DmarcResult.Policy.of(dmarcNode.get("policy").asText()) : null,
                    DmarcResult.AlignedIdentifier.valueOf(dmarcNode.path("alignedBy").asText("none").toUpperCase()),
                    DmarcResult.Alignment.valueOf(dmarcNode.path("dkimAlignment").asText("relaxed").toUpperCase()),
                    DmarcResult.Alignment.valueOf(dmarcNode.path("spfAlignment").asText("relaxed").toUpperCase()));
            return new AuthenticationResults(root.path("authservId").asText(""), spf, dkim, dmarc);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored authentication results cannot be read: " + e.getMessage(), e);
        }
    }
}
