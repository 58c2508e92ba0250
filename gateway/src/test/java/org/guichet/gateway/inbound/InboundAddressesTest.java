package org.guichet.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.gateway.inbound.InboundAddresses.Kind;
import org.guichet.gateway.token.ReplyTokenKey;
import org.guichet.gateway.token.ReplyTokenKeyRing;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundAddressesTest {

    private static ReplyTokenKeyRing ring(String id, int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new ReplyTokenKeyRing(Map.of(id, new ReplyTokenKey(id, secret)), id);
    }

    private final ReplyTokenKeyRing ring = ring("k1", 1);
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    private final InboundAddresses addresses = new InboundAddresses(List.of("reponse.caf.fr", "Réponse.Impots.fr"),
            List.of("noreply@caf.fr", "*@ne-pas-repondre.ameli.fr"), new ReplyTokenVerifier(ring));

    private String replyAddress(String domain) {
        return signer.localPart(signer.newConversation()) + "@" + domain;
    }

    @Test
    void signedReplyAddressOfAReplyDomainIsAReply() {
        assertThat(addresses.classify(replyAddress("reponse.caf.fr"))).isEqualTo(Kind.REPLY);
        assertThat(addresses.classify(replyAddress("REPONSE.CAF.FR").toUpperCase(Locale.ROOT))).isEqualTo(Kind.REPLY);
        // International reply domains are compared in their ASCII form.
        assertThat(addresses.classify(replyAddress("xn--rponse-bva.impots.fr"))).isEqualTo(Kind.REPLY);
        assertThat(addresses.classify(replyAddress("réponse.impots.fr"))).isEqualTo(Kind.REPLY);
    }

    @Test
    void signedTokenOnAnotherDomainIsUnknown() {
        assertThat(addresses.classify(replyAddress("caf.fr"))).isEqualTo(Kind.UNKNOWN);
        assertThat(addresses.classify(replyAddress("sub.reponse.caf.fr"))).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void forgedTamperedAndUnknownKeyTokensAreUnknown() {
        String forged = new ReplyTokenSigner(ring("k1", 2), new SecureRandom()).localPart(signer.newConversation());
        String unknownKey = new ReplyTokenSigner(ring("k9", 1), new SecureRandom())
                .localPart(new ReplyTokenSigner(ring("k9", 1), new SecureRandom()).newConversation());
        String valid = replyAddress("reponse.caf.fr");
        int at = valid.indexOf('@');
        char last = valid.charAt(at - 1);
        String tampered = valid.substring(0, at - 1) + (last == 'a' ? 'b' : 'a') + valid.substring(at);

        assertThat(addresses.classify(forged + "@reponse.caf.fr")).isEqualTo(Kind.UNKNOWN);
        assertThat(addresses.classify(unknownKey + "@reponse.caf.fr")).isEqualTo(Kind.UNKNOWN);
        assertThat(addresses.classify(tampered)).isEqualTo(Kind.UNKNOWN);
        assertThat(addresses.classify("reply@reponse.caf.fr")).isEqualTo(Kind.UNKNOWN);
        assertThat(addresses.classify("agent@reponse.caf.fr")).isEqualTo(Kind.UNKNOWN);
    }

    /** Each row: an address | how it is classified. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            noreply@caf.fr,                  CAPTURE
            No-Reply+dossier42@CAF.FR,       CAPTURE
            noreplyx@caf.fr,                 UNKNOWN
            noreply@other.caf.fr,            UNKNOWN
            anyone@ne-pas-repondre.ameli.fr, CAPTURE
            anyone@ameli.fr,                 UNKNOWN
            """)
    void captureAddressesMatchWithoutCaseAccentsSeparatorsOrSuffix(String address, Kind kind) {
        assertThat(addresses.classify(address)).isEqualTo(kind);
    }

    /** Each row: an address | how it is classified. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            PostMaster@reponse.caf.fr, CAPTURE
            postmaster@example.org,    UNKNOWN
            """)
    void postmasterOfAReplyDomainIsAccepted(String address, Kind kind) {
        assertThat(addresses.classify(address)).isEqualTo(kind);
    }

    @Test
    void wrongSettingsAreRefusedWithTheirValue() {
        ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);
        assertThatThrownBy(() -> new InboundAddresses(List.of(), List.of(), verifier))
                .hasMessageContaining("at least one reply domain");
        assertThatThrownBy(() -> new InboundAddresses(List.of("not a domain"), List.of(), verifier))
                .hasMessageContaining("'not a domain'");
        assertThatThrownBy(() -> new InboundAddresses(List.of("reponse.caf.fr"), List.of("noreply"), verifier))
                .hasMessageContaining("'noreply'");
        assertThatThrownBy(() -> new InboundAddresses(List.of("reponse.caf.fr"), List.of("no*reply@caf.fr"), verifier))
                .hasMessageContaining("'no*reply@caf.fr'");
    }

    @Test
    void tokensAreHiddenInLogs() {
        String address = replyAddress("reponse.caf.fr");

        assertThat(InboundAddresses.forLog(address)).isEqualTo("reply+<token>@reponse.caf.fr");
        assertThat(InboundAddresses.forLog("noreply@caf.fr")).isEqualTo("noreply@caf.fr");
    }
}
