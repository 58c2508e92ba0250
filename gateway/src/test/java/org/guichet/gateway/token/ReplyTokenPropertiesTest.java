package org.guichet.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of reply tokens, checked on many random conversations and edits. */
class ReplyTokenPropertiesTest {

    private final ReplyTokenKeyRing ring = new ReplyTokenKeyRing(
            Map.of("k1", ReplyTokenTest.key("k1", 1), "k2", ReplyTokenTest.key("k2", 2)), "k2");
    private final ReplyTokenSigner signer = new ReplyTokenSigner(ring, new SecureRandom());
    private final ReplyTokenVerifier verifier = new ReplyTokenVerifier(ring);

    @Property
    void everyIssuedTokenVerifies(@ForAll("conversations") ReplyToken conversation) {
        assertThat(verifier.verify(signer.sign(conversation))).contains(conversation);
    }

    @Property
    void everyCaseFoldingOfATokenVerifies(@ForAll("conversations") ReplyToken conversation, @ForAll long mask) {
        char[] token = signer.sign(conversation).toCharArray();
        for (int i = 0; i < token.length; i++) {
            if ((mask >>> (i % 64) & 1) == 1) {
                token[i] = Character.toUpperCase(token[i]);
            }
        }
        assertThat(verifier.verify(new String(token))).contains(conversation);
    }

    @Property(tries = 2000)
    void anySingleCharacterChangeFails(@ForAll("conversations") ReplyToken conversation,
                                       @ForAll("positions") double where, @ForAll char replacement) {
        String token = signer.sign(conversation);
        int position = (int) (where * token.length());
        char original = token.charAt(position);
        // Changing only the case is not a change: MTAs may do it (RFC 5321 §2.4).
        if (Character.toLowerCase(replacement) == original || replacement == original) {
            return;
        }
        String changed = token.substring(0, position) + replacement + token.substring(position + 1);

        Optional<ReplyToken> verified = verifier.verify(changed);

        assertThat(verified).as("token %s changed at %d to U+%04X", token, position, (int) replacement).isEmpty();
    }

    @Provide
    Arbitrary<ReplyToken> conversations() {
        Arbitrary<String> keyIds = Arbitraries.of("k1", "k2");
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz234567")
                .ofLength(ReplyToken.CONVERSATION_CHARS);
        return Combinators.combine(keyIds, ids).as(ReplyToken::new);
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }
}
