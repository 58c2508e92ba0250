package org.guichet.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReplyTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static ReplyTokenKey key(String id, int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new ReplyTokenKey(id, secret);
    }

    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(Map.of("k1", key("k1", 1)), "k1");
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, RANDOM);
    private final ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);

    @Test
    void issuedTokenVerifiesToItsConversation() {
        ReplyToken conversation = signer.newConversation();

        assertThat(verifier.verify(signer.sign(conversation))).contains(conversation);
        assertThat(verifier.verifyLocalPart(signer.localPart(conversation))).contains(conversation);
    }

    @Test
    void localPartIsLowerCaseBase32AndFitsRfc5321Limit() {
        String localPart = signer.localPart(signer.newConversation());

        assertThat(localPart).matches("reply\\+k1-[a-z2-7]{32}");
        assertThat(localPart.length()).isLessThanOrEqualTo(64);
        ReplyTokenKeyRing longest = new ReplyTokenKeyRing(Map.of("abcdefgh12345678", key("abcdefgh12345678", 2)), "abcdefgh12345678");
        assertThat(new ReplyTokenSigner(longest, RANDOM).localPart(new ReplyTokenSigner(longest, RANDOM).newConversation()))
                .hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void upperCasedTokenStillVerifiesBecauseMtasMayFoldCase() {
        ReplyToken conversation = signer.newConversation();

        assertThat(verifier.verifyLocalPart(signer.localPart(conversation).toUpperCase(Locale.ROOT))).contains(conversation);
    }

    @Test
    void tamperedTruncatedOrUnknownKeyTokensAreRefused() {
        String token = signer.sign(signer.newConversation());
        char last = token.charAt(token.length() - 1);

        assertThat(verifier.verify(token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a'))).isEmpty();
        assertThat(verifier.verify(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(verifier.verify(token + "a")).isEmpty();
        assertThat(verifier.verify("k9" + token.substring(2))).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
        assertThat(verifier.verifyLocalPart("noreply+" + token)).isEmpty();
        // U+212A KELVIN SIGN lower-cases to 'k' in Unicode; it must not pass for the key id.
        assertThat(verifier.verify("\u212A" + token.substring(1))).isEmpty();
    }

    @Test
    void sameConversationSignedByAnotherKeyDoesNotVerify() {
        ReplyToken conversation = signer.newConversation();
        ReplyTokenKeyRing forged = new ReplyTokenKeyRing(Map.of("k1", key("k1", 7)), "k1");

        assertThat(verifier.verify(new ReplyTokenSigner(forged, RANDOM).sign(conversation))).isEmpty();
    }

    @Test
    void rotationKeepsOldTokensValidAndSignsNewOnesWithActiveKey() {
        String oldToken = signer.sign(signer.newConversation());
        ReplyTokenKeyRing rotated = new ReplyTokenKeyRing(Map.of("k1", key("k1", 1), "k2", key("k2", 2)), "k2");
        ReplyTokenSigner newSigner = new ReplyTokenSigner(rotated, RANDOM);
        ReplyTokenVerifier newVerifier = new ReplyTokenVerifier(rotated);

        ReplyToken fresh = newSigner.newConversation();

        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(newVerifier.verify(oldToken)).isPresent();
        assertThat(newVerifier.verify(newSigner.sign(fresh))).contains(fresh);
        assertThat(verifier.verify(newSigner.sign(fresh))).as("a node without k2 refuses k2 tokens").isEmpty();
    }

    @Test
    void conversationIdsAreNotRepeated() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(signer.newConversation().conversationId());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void keysShorterThan256BitsAreRefused() {
        assertThatThrownBy(() -> new ReplyTokenKey("k1", new byte[16]))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new ReplyTokenKey("K1", new byte[32]))
                .hasMessageContaining("lower-case");
    }

    @Test
    void keyDoesNotShowItsSecret() {
        assertThat(key("k1", 0x41).toString()).isEqualTo("ReplyTokenKey[k1]");
        assertThat(ring.toString()).doesNotContain("AAAA");
    }
}
