package org.guichet.gateway.content;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the line where a signature starts: the "-- " delimiter (RFC 3676 §4.3, often sent
 * without its trailing space) or a line a mobile or webmail client appends on its own
 * ("Envoyé de mon iPhone", "Obtenir Outlook pour Android", "Sent from Yahoo Mail on Android").
 * A sentence that merely starts with the same words ("Sent from my desk, which is easier…") is
 * kept: the line must be short, name a device or a mail application, and not go on after a comma.
 */
final class SignatureMarkers {

    private static final Pattern DELIMITER = Pattern.compile("^--\\s*$");

    private static final Pattern LEAD = Pattern.compile("(?iu)^\\s*(?:"
            + "sent (?:from|with|via|using)"
            + "|envoy[ée] (?:de|depuis|[àa] partir de|avec|via)"
            + "|(?:get|download) outlook for"
            + "|(?:obtenir|t[ée]l[ée]charger|t[ée]l[ée]chargez) outlook pour"
            + "|provenance\\s*:"
            + "|gesendet (?:von|mit|vom)"
            + "|enviado (?:desde|con|do|de)"
            + "|inviato (?:da|dal|con)"
            + "|verzonden (?:vanaf|met|van)|verstuurd (?:vanaf|met)"
            + ")\\s+(.+)$");

    /** German puts the verb last: "Von meinem iPhone gesendet". */
    private static final Pattern GERMAN = Pattern.compile("(?iu)^\\s*von meine[mr]?\\s+(.+?)\\s+gesendet\\s*\\.?\\s*$");

    /** A link some clients append: "Get Outlook for iOS<https://…>". */
    private static final Pattern TRAILING_LINK = Pattern.compile("(?iu)\\s*(?:<[^>]*>|\\(https?://[^)]*\\)|https?://\\S+)\\s*$");

    private static final Pattern EXCUSE = Pattern.compile(
            "(?iu).*\\b(?:excuse|excusez|pardon|typos?|fautes?|brevity|bri[èe]vet[ée]|kurz)\\b.*");

    private static final Set<String> DEVICES = Set.of(
            "iphone", "ipad", "ipod", "ios", "android", "blackberry", "mobile", "mobil", "smartphone", "phone",
            "téléphone", "telephone", "portable", "cell", "cellphone", "tablet", "tablette", "device", "appareil",
            "galaxy", "samsung", "huawei", "xiaomi", "honor", "oppo", "pixel", "nokia", "xperia", "sony",
            "motorola", "htc", "alcatel", "wiko", "fairphone", "mac", "ipados", "watch",
            "outlook", "yahoo", "gmail", "mail", "courrier", "mailbox", "airmail", "spark", "aquamail", "bluemail",
            "protonmail", "proton", "tutanota", "orange", "sfr", "free", "bouygues", "laposte", "windows",
            "thunderbird", "zimbra", "webmail", "edison", "newton", "mobilgerät", "handy", "móvil", "movil",
            "cellulare", "telefoon", "mobiel");

    boolean startsAt(String rawLine) {
        String line = QuoteMarkers.plain(rawLine);
        if (DELIMITER.matcher(line).matches()) {
            return true;
        }
        if (line.length() > 160) {
            return false;
        }
        Matcher german = GERMAN.matcher(line);
        if (german.matches()) {
            return namesDevice(german.group(1));
        }
        Matcher lead = LEAD.matcher(line);
        if (!lead.matches()) {
            return false;
        }
        String rest = TRAILING_LINK.matcher(lead.group(1)).replaceAll("").strip();
        if (rest.matches(".*[,;].*") && !EXCUSE.matcher(rest).matches()) {
            return false;
        }
        String beforeComma = rest.split("[,;]", 2)[0];
        return beforeComma.split("\\s+").length <= 8 && namesDevice(beforeComma);
    }

    private static boolean namesDevice(String words) {
        for (String word : words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (DEVICES.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
