package org.guichet.gateway.authentication;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** DNS from a fixed table of TXT records, for tests that need no network. */
final class FixedDns implements DnsRecords {

    private final Map<String, List<String>> txt = new HashMap<>();

    FixedDns txt(String name, String... records) {
        txt.put(name.toLowerCase(Locale.ROOT), List.of(records));
        return this;
    }

    @Override
    public List<String> lookup(String name, Type type, Duration wait) {
        String key = name.toLowerCase(Locale.ROOT);
        key = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
        return type == Type.TXT ? txt.getOrDefault(key, List.of()) : List.of();
    }
}
