package org.guichet.gateway.noreply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.james.core.MailAddress;

/**
 * Local parts that say "do not reply": {@code noreply}, {@code Ne-Pas-Répondre}, and the like.
 *
 * <p>A local part is compared after normalisation: {@code +suffix} dropped (sub-addressing,
 * RFC 5233), accents removed, lower-cased, and the separators {@code - _ .} and spaces ignored.
 * A pattern matches a whole local part or a run of its words, so {@code noreply.impots} and
 * {@code caf-ne-pas-repondre} match, while {@code noreplyx} or {@code snoreply} do not.
 *
 * @param patterns normalised patterns ({@link #normalise(String)}), never empty
 */
public record NoreplyAddresses(Set<String> patterns) {

    /** The patterns Guichet knows without configuration. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
            "ne-pas-repondre", "nepasrepondre", "ne_pas_repondre", "ne.pas.repondre", "pas-de-reponse");

    private static final Pattern SEPARATORS = Pattern.compile("[-_.\\s]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public NoreplyAddresses {
        patterns = Set.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a noreply pattern list cannot be empty");
        }
    }

    public static NoreplyAddresses defaults() {
        return of(DEFAULT_PATTERNS);
    }

    /**
     * Patterns as an operator writes them ({@code ne-pas-répondre}, {@code NoReply}).
     *
     * @throws IllegalArgumentException naming the first pattern that is empty once normalised or
     *                                  that is not a local part
     */
    public static NoreplyAddresses of(Collection<String> written) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String pattern : written) {
            String normalised = pattern == null ? "" : normalise(pattern);
            if (normalised.isEmpty() || pattern.contains("@") || pattern.contains("+")) {
                throw new IllegalArgumentException("'" + pattern + "' is not a noreply local-part pattern"
                        + " (letters and digits, optionally separated by - _ or .)");
            }
            patterns.add(normalised);
        }
        return new NoreplyAddresses(patterns);
    }

    /** These patterns and the given ones. */
    public NoreplyAddresses plus(Collection<String> written) {
        Set<String> all = new LinkedHashSet<>(patterns);
        all.addAll(of(written).patterns());
        return new NoreplyAddresses(all);
    }

    public boolean matches(MailAddress address) {
        return address != null && matchesLocalPart(address.getLocalPart());
    }

    /** Whether a full address text ({@code local@domain}) has a noreply local part. */
    public boolean matchesAddress(String address) {
        if (address == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        return matchesLocalPart(at < 0 ? address : address.substring(0, at));
    }

    public boolean matchesLocalPart(String localPart) {
        if (localPart == null) {
            return false;
        }
        List<String> words = words(localPart);
        for (int from = 0; from < words.size(); from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < words.size(); to++) {
                run.append(words.get(to));
                if (patterns.contains(run.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The comparable form of a local part: {@code Ne.Pas-Répondre+dgfip} gives {@code nepasrepondre}.
     * Other code (e.g. recognising capture addresses) compares addresses with it.
     */
    public static String normalise(String localPart) {
        return String.join("", words(localPart));
    }

    private static List<String> words(String localPart) {
        String text = localPart.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        int plus = text.indexOf('+');
        if (plus >= 0) {
            text = text.substring(0, plus);
        }
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(text)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
