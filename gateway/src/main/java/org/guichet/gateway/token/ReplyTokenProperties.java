package org.guichet.gateway.token;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that sign reply tokens. Leave both empty on a single node: a key is then generated once
 * into {@code <guichet.node.home>/keys/reply-token-k1.key} (mode 0600). Nodes sharing one database
 * must share the keys, so configure them there.
 *
 * @param keys      key id (1 to 16 lower-case letters or digits) to base64 secret of at least 32
 *                  bytes, e.g. {@code guichet.tokens.keys.k2=<openssl rand -base64 32>}; keep old
 *                  keys listed after a rotation so that older reply addresses still verify
 * @param activeKey id of the key new tokens are signed with; needed once several keys are known
 */
@ConfigurationProperties("guichet.tokens")
public record ReplyTokenProperties(Map<String, String> keys, String activeKey) {

    public ReplyTokenProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
