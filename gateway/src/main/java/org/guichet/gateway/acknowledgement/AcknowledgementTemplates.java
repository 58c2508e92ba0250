package org.guichet.gateway.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guichet.administration.LetterTemplate;
import org.guichet.gateway.language.Language;

/**
 * The texts of acknowledgements: plain-text templates with {@code ${placeholder}}s, one set per
 * language. The shipped ones ({@code classpath:acknowledgement/}) can be replaced for every
 * service by a file of the same name in the template folder, and for one service by a file in
 * its subfolder named after the service code:
 *
 * <pre>
 * &lt;folder&gt;/fr.txt                   every service's French body
 * &lt;folder&gt;/prestations/fr.txt       the French body of service « prestations »
 * </pre>
 *
 * <p>Files: {@code fr.txt} (the body), {@code fr-subject.txt} (the words before the
 * citizen's subject), {@code fr-acceptance.txt}, {@code fr-rejection.txt} (what silence means,
 * CRPA R112-11-1), {@code fr-recourse.txt} (the recourse against an implicit rejection), and the
 * same for {@code en}, {@code nl} and {@code de}. UTF-8 only.
 *
 * <p>The Dutch and German bodies carry what R112-11-1 asks of a French acknowledgement, which
 * also covers what Belgian law asks of a federal administration's letters: who handles the file,
 * with an address and a phone number (loi du 11 avril 1994 relative à la publicité de
 * l'administration, article 2, 4°), in the language of the person (lois coordonnées du 18 juillet 1966 sur l'emploi des langues en
 * matière administrative, articles 19 and 41). They cite no article in their closing line, since
 * a Belgian service is not bound by the CRPA; their implicit-decision parts, used only by
 * services whose silence decides under French law, cite the French articles by their numbers. Read once
 * at start: an unknown placeholder, a file that is not UTF-8 or an unknown file name stops the
 * start with the file's path.
 *
 * <p>A line holding a placeholder whose value is empty (a service without phone, no implicit
 * decision) is left out; runs of blank lines become one; lines are wrapped at 76 columns, for
 * mail clients that do not wrap plain text.
 */
final class AcknowledgementTemplates {

    /** Every placeholder a template may use. */
    static final Set<String> PLACEHOLDERS = Set.of("reference", "receivedAt", "subject", "serviceName",
            "serviceEmail", "servicePostalAddress", "servicePhone", "commitment", "implicitDecision", "decisionDate",
            "recourse");

    private static final List<String> PARTS = List.of("", "-subject", "-acceptance", "-rejection", "-recourse");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final int WIDTH = 76;

    /** Texts by service code ("" for every service), then by file name. */
    private final Map<String, Map<String, String>> texts;

    private AcknowledgementTemplates(Map<String, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The shipped templates, with the overrides found in {@code folder} (which may not exist). */
    static AcknowledgementTemplates load(Path folder) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        Map<String, String> shipped = new LinkedHashMap<>();
        for (String name : names()) {
            shipped.put(name, shipped(name));
        }
        texts.put("", shipped);
        if (folder != null && Files.isDirectory(folder)) {
            overrides(folder, texts.get(""));
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.sorted().toList()) {
                    if (Files.isDirectory(child)) {
                        Map<String, String> service = new LinkedHashMap<>();
                        overrides(child, service);
                        texts.put(child.getFileName().toString(), service);
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the acknowledgement templates in " + folder + ": "
                        + e.getMessage(), e);
            }
        }
        return new AcknowledgementTemplates(texts);
    }

    /** The template {@code name} (e.g. {@code fr-rejection.txt}) of a service: its own, else the common one. */
    String template(String serviceCode, String name) {
        Map<String, String> own = texts.get(serviceCode);
        if (own != null && own.containsKey(name)) {
            return own.get(name);
        }
        return texts.get("").get(name);
    }

    /** What the administration page lists: the common templates, then each service's own. */
    List<LetterTemplate> listing() {
        List<LetterTemplate> listing = new ArrayList<>();
        texts.forEach((service, files) -> files.forEach((name, text) -> listing.add(new LetterTemplate(service, name,
                !service.isEmpty() || !text.equals(shipped(name)), text))));
        return listing;
    }

    /** The file name of a part in a language: {@code fr.txt}, {@code en-acceptance.txt}… */
    static String name(Language language, String part) {
        return language.code() + part + ".txt";
    }

    /**
     * Fills a template. Values are inserted as they are (no placeholder inside a value is
     * expanded); a line with a placeholder whose value is null or blank is left out.
     */
    static String render(String template, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : template.replace("\r\n", "\n").split("\n", -1)) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder out = new StringBuilder();
            boolean keep = true;
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null || value.isBlank()) {
                    keep = false;
                    break;
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
            }
            if (keep) {
                matcher.appendTail(out);
                for (String rendered : out.toString().split("\n", -1)) {
                    lines.addAll(wrap(rendered.stripTrailing()));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        boolean blank = true;
        for (String line : lines) {
            if (line.isEmpty() && blank) {
                continue;
            }
            text.append(line).append('\n');
            blank = line.isEmpty();
        }
        return text.toString().strip() + "\n";
    }

    /** Breaks a long line at spaces, keeping its indentation on the following lines. */
    static List<String> wrap(String line) {
        if (line.length() <= WIDTH) {
            return List.of(line);
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        List<String> wrapped = new ArrayList<>();
        StringBuilder current = new StringBuilder(indent);
        for (String word : line.strip().split(" +")) {
            if (current.length() > indent.length() && current.length() + 1 + word.length() > WIDTH) {
                wrapped.add(current.toString());
                current = new StringBuilder(indent);
            }
            if (current.length() > indent.length()) {
                current.append(' ');
            }
            current.append(word);
        }
        wrapped.add(current.toString());
        return wrapped;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String part : PARTS) {
                names.add(name(language, part));
            }
        }
        return names;
    }

    private static String shipped(String name) {
        try (InputStream in = AcknowledgementTemplates.class.getResourceAsStream("/acknowledgement/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped acknowledgement template " + name + " is missing");
            }
            return check(name, decode(in.readAllBytes(), name));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped acknowledgement template " + name, e);
        }
    }

    private static void overrides(Path folder, Map<String, String> into) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!names().contains(name)) {
                    throw new IllegalArgumentException("acknowledgement template " + file + ": unknown file name;"
                            + " expected one of " + names());
                }
                into.put(name, check(file.toString(), decode(Files.readAllBytes(file), file.toString())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the acknowledgement templates in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("acknowledgement template " + where + " is not UTF-8 text", e);
        }
    }

    private static String check(String where, String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new IllegalArgumentException("acknowledgement template " + where + ": unknown placeholder ${"
                        + matcher.group(1) + "}; known: " + PLACEHOLDERS.stream().sorted().toList());
            }
        }
        return text;
    }
}
