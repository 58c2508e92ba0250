package org.guichet.gateway.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Messages written to hurt a mail gateway: deep and wide MIME trees, broken boundaries and
 * transfer encodings, unknown charsets, header and encoded-word floods, HTML element floods,
 * archives whose directories lie, NUL bytes, and what the SMTP limits must refuse. Generated
 * from a seed, so a failure names a message that can be made again.
 */
final class HostileCorpus {

    /** Whether the SMTP listener must take the message (250) or refuse it (5xx) at the end of DATA. */
    enum Expected { ACCEPTED, REFUSED }

    record Sample(int index, String kind, Expected expected, byte[] data) {

        @Override
        public String toString() {
            return "#" + index + " " + kind + " (" + data.length + " bytes)";
        }
    }

    /** The listener's limits the corpus is written against (the defaults, but the message size). */
    static final int MAX_SIZE = 1_000_000;
    static final int MAX_HEADER_FIELDS = 1000;
    static final int MAX_LINE = 10_000;

    record Kind(String name, Expected expected, BiFunction<Random, Integer, String> body) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("deep-multipart", Expected.ACCEPTED, HostileCorpus::deepMultipart),
            new Kind("wide-multipart", Expected.ACCEPTED, HostileCorpus::wideMultipart),
            new Kind("broken-boundaries", Expected.ACCEPTED, HostileCorpus::brokenBoundaries),
            new Kind("bad-transfer-encoding", Expected.ACCEPTED, HostileCorpus::badTransferEncoding),
            new Kind("odd-charsets", Expected.ACCEPTED, HostileCorpus::oddCharsets),
            new Kind("many-header-fields", Expected.ACCEPTED, HostileCorpus::manyHeaderFields),
            new Kind("long-header-lines", Expected.ACCEPTED, HostileCorpus::longHeaderLines),
            new Kind("encoded-word-flood", Expected.ACCEPTED, HostileCorpus::encodedWordFlood),
            new Kind("html-element-flood", Expected.ACCEPTED, HostileCorpus::htmlElementFlood),
            new Kind("html-nesting-flood", Expected.ACCEPTED, HostileCorpus::htmlNestingFlood),
            new Kind("lying-archives", Expected.ACCEPTED, HostileCorpus::lyingArchives),
            new Kind("nul-bytes", Expected.ACCEPTED, HostileCorpus::nulBytes),
            new Kind("quote-flood", Expected.ACCEPTED, HostileCorpus::quoteFlood),
            new Kind("attachment-flood", Expected.ACCEPTED, HostileCorpus::attachmentFlood),
            new Kind("nested-forwards", Expected.ACCEPTED, HostileCorpus::nestedForwards),
            new Kind("trace-header-flood", Expected.ACCEPTED, HostileCorpus::traceHeaderFlood),
            new Kind("garbage", Expected.ACCEPTED, HostileCorpus::garbage),
            new Kind("too-many-header-fields", Expected.REFUSED, HostileCorpus::tooManyHeaderFields),
            new Kind("line-too-long", Expected.REFUSED, HostileCorpus::lineTooLong),
            new Kind("too-large", Expected.REFUSED, HostileCorpus::tooLarge));

    private HostileCorpus() {
    }

    static List<Sample> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.get(i % KINDS.size());
            String text = kind.body().apply(random, i);
            samples.add(new Sample(i, kind.name(), kind.expected(), text.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return samples;
    }

    private static String head(int i, String subject) {
        return "From: Usager " + i + " <usager" + i + "@example.org>\r\nTo: <dossiers@caf.test>\r\n"
                + "Message-ID: <hostile." + i + "@example.org>\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n";
    }

    private static String deepMultipart(Random random, int i) {
        int depth = 20 + random.nextInt(180);
        StringBuilder open = new StringBuilder(head(i, "profond"));
        for (int d = 0; d < depth; d++) {
            open.append("Content-Type: multipart/mixed; boundary=\"b").append(d).append("\"\r\n\r\n--b").append(d)
                    .append("\r\n");
        }
        open.append("Content-Type: text/plain\r\n\r\nau fond\r\n");
        for (int d = depth - 1; d >= 0; d--) {
            open.append("--b").append(d).append("--\r\n");
        }
        return open.toString();
    }

    private static String wideMultipart(Random random, int i) {
        int parts = 200 + random.nextInt(600);
        StringBuilder text = new StringBuilder(head(i, "large")).append("Content-Type: multipart/mixed; boundary=w\r\n\r\n");
        for (int p = 0; p < parts; p++) {
            text.append("--w\r\nContent-Type: text/plain; charset=utf-8\r\n\r\npartie ").append(p).append("\r\n");
        }
        return text.append("--w--\r\n").toString();
    }

    private static String brokenBoundaries(Random random, int i) {
        String[] variants = {
            "Content-Type: multipart/mixed; boundary=\"never\"\r\n\r\nno boundary ever comes\r\n",
            "Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\nContent-Type: text/plain\r\n\r\nempty\r\n----\r\n",
            "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=ab\r\n\r\n"
                    + "--ab\r\n\r\nprefix of another\r\n--a--\r\n",
            "Content-Type: multipart/mixed; boundary=\"" + "x".repeat(5000) + "\"\r\n\r\n--" + "x".repeat(5000)
                    + "\r\n\r\nlong boundary\r\n",
            "Content-Type: multipart/alternative\r\n\r\nmultipart without boundary\r\n",
            "Content-Type: multipart/mixed; boundary=u\r\n\r\n--u\r\nContent-Type: text/html\r\n\r\n<p>unterminated",
            "Content-Type: multipart/mixed; boundary=d; boundary=e\r\n\r\n--e\r\n\r\nduplicate parameter\r\n--d--\r\n",
        };
        return head(i, "frontieres") + variants[random.nextInt(variants.length)];
    }

    private static String badTransferEncoding(Random random, int i) {
        String[] variants = {
            "Content-Transfer-Encoding: base64\r\nContent-Type: text/plain\r\n\r\n!!!not*base64%%%\r\n====\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/plain\r\n\r\n=ZZ=\r\n=0=\r\n=",
            "Content-Transfer-Encoding: x-unknown-encoding\r\nContent-Type: text/plain\r\n\r\nwhat is this\r\n",
            "Content-Transfer-Encoding: base64\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + "QUJD".repeat(2000)
                    + "\r\n",
            "Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Type: application/pdf; name=x.pdf\r\n\r\n" + "A".repeat(random.nextInt(5000) + 1)
                    + "\r\n--q--\r\n",
        };
        return head(i, "encodage") + variants[random.nextInt(variants.length)];
    }

    private static String oddCharsets(Random random, int i) {
        String[] charsets = {"utf-7", "x-unknown-\u00f6", "", "utf-16", "iso-2022-jp", "UTF-32BE", "binary",
            "../../etc/passwd", "utf-8\"; x=\""};
        String charset = charsets[random.nextInt(charsets.length)];
        StringBuilder body = new StringBuilder();
        for (int n = 0; n < 2000; n++) {
            body.append((char) (random.nextInt(0xDF) + 0x20));
        }
        return head(i, "=?" + charset + "?B?" + "w6k=" + "?=") + "Content-Type: text/plain; charset=\"" + charset
                + "\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + wrap(body.toString(), 76) + "\r\n";
    }

    private static String manyHeaderFields(Random random, int i) {
        int fields = 500 + random.nextInt(MAX_HEADER_FIELDS - 520);
        StringBuilder text = new StringBuilder(head(i, "champs"));
        for (int f = 0; f < fields; f++) {
            text.append("X-Field-").append(f).append(": ").append(random.nextInt()).append("\r\n");
        }
        return text.append("\r\ncorps\r\n").toString();
    }

    private static String longHeaderLines(Random random, int i) {
        if (random.nextBoolean()) {
            return head(i, "a".repeat(5000 + random.nextInt(MAX_LINE - 5100))) + "\r\ncorps\r\n";
        }
        StringBuilder folded = new StringBuilder("Subject: plié");
        int folds = 1000 + random.nextInt(3000);
        for (int f = 0; f < folds; f++) {
            folded.append("\r\n ").append("mot").append(f);
        }
        return "From: usager" + i + "@example.org\r\n" + folded + "\r\n\r\ncorps\r\n";
    }

    private static String encodedWordFlood(Random random, int i) {
        StringBuilder subject = new StringBuilder();
        int words = 2000 + random.nextInt(3000);
        for (int w = 0; w < words; w++) {
            subject.append(switch (w % 4) {
                case 0 -> "=?utf-8?B?w6nDqMOg?=";
                case 1 -> "=?iso-8859-1?Q?=E9t=E9?=";
                case 2 -> "=?broken?X?zz?=";
                default -> "=?utf-8?Q?=ZZ=";
            }).append(w % 20 == 19 ? "\r\n " : " ");
        }
        StringBuilder names = new StringBuilder("Content-Type: multipart/mixed; boundary=e\r\n\r\n--e\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment");
        for (int n = 0; n < 500; n++) {
            names.append(";\r\n filename*").append(n).append("*=utf-8''%E9").append(n);
        }
        return "From: =?utf-8?B?" + "w6k".repeat(200) + "?= <usager" + i + "@example.org>\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\n" + names + "\r\n\r\nAAAA\r\n--e--\r\n";
    }

    private static String htmlElementFlood(Random random, int i) {
        String[] elements = {"<hr id=\"zwchr\">", "<blockquote type=\"cite\">", "<div class=\"gmail_quote\">",
            "<img src=\"https://tracker.example/p.gif\">", "<a href=\"javascript:alert(1)\">x</a>", "<br>",
            "<table><tr><td>", "<!-- c -->", "<script>x</script>", "<p style=\"border:1px solid\">"};
        String element = elements[random.nextInt(elements.length)];
        int count = 200_000 / element.length();
        return head(i, "html") + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>"
                + wrap(element.repeat(count), 998) + "</body></html>\r\n";
    }

    private static String htmlNestingFlood(Random random, int i) {
        String[] tags = {"div", "blockquote", "span", "b", "table", "ul", "font"};
        String tag = tags[random.nextInt(tags.length)];
        int depth = 5_000 + random.nextInt(15_000);
        String open = "<" + tag + ">";
        return head(i, "imbrication") + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>"
                + wrap(open.repeat(depth) + "fond" + ("</" + tag + ">").repeat(random.nextBoolean() ? depth : 0), 998)
                + "</body></html>\r\n";
    }

    private static String lyingArchives(Random random, int i) {
        byte[] zip = switch (random.nextInt(4)) {
            case 0 -> endOfCentralDirectory(65_535, 0, 0);
            case 1 -> {
                ByteBuffer entry = ByteBuffer.allocate(46 + 30).order(ByteOrder.LITTLE_ENDIAN);
                entry.putInt(0x02014b50).position(28);
                entry.putShort((short) 0xFFFF).putShort((short) 0xFFFF).putShort((short) 0xFFFF);
                yield concat(entry.array(), endOfCentralDirectory(1, 76, 0));
            }
            case 2 -> endOfCentralDirectory(10, 0, 0x7FFFFFF0);
            default -> {
                byte[] noise = new byte[30_000];
                random.nextBytes(noise);
                for (int p = 0; p + 4 < noise.length; p += 97) {
                    noise[p] = 'P';
                    noise[p + 1] = 'K';
                    noise[p + 2] = (byte) (p % 2 == 0 ? 1 : 3);
                    noise[p + 3] = (byte) (p % 2 == 0 ? 2 : 4);
                }
                yield noise;
            }
        };
        return head(i, "archive") + "Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n"
                + "voir la pièce jointe\r\n--z\r\nContent-Type: application/zip; name=\"dossier.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"dossier.zip\"\r\n\r\n"
                + wrap(Base64.getEncoder().encodeToString(zip), 76) + "\r\n--z--\r\n";
    }

    private static byte[] endOfCentralDirectory(int entries, int size, int offset) {
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(size).putInt(offset).putShort((short) 0);
        return end.array();
    }

    private static String nulBytes(Random random, int i) {
        return switch (random.nextInt(3)) {
            case 0 -> head(i, "nul\0nul") + "\r\ncorps\0avec\0nul\r\n";
            case 1 -> head(i, "nul") + "Content-Type: multipart/mixed; boundary=\"n\0n\"\r\n\r\n--n\0n\r\n\r\nx\0\r\n--n\0n--\r\n";
            default -> head(i, "nul") + "Content-Type: text/html\r\n\r\n" + "<p>\0</p>".repeat(200) + "\r\n";
        };
    }

    private static String quoteFlood(Random random, int i) {
        StringBuilder text = new StringBuilder(head(i, "Re: citations")).append("\r\nMa réponse est en haut.\r\n");
        int lines = 5000 + random.nextInt(10_000);
        for (int l = 0; l < lines; l++) {
            text.append(switch (l % 5) {
                case 0 -> "-----Original Message-----";
                case 1 -> "Le lun. 3 mars 2025 à 10:02, CAF <noreply@caf.fr> a écrit :";
                case 2 -> ">".repeat(1 + l % 40) + " texte cité";
                case 3 -> "Op 3 maart 2025 schreef iemand:";
                default -> "> > > > > > > > > > > > > > > > > > > >";
            }).append("\r\n");
        }
        return text.toString();
    }

    private static String attachmentFlood(Random random, int i) {
        StringBuilder text = new StringBuilder(head(i, "pièces")).append("Content-Type: multipart/mixed; boundary=a\r\n\r\n");
        int files = 100 + random.nextInt(300);
        String[] names = {"../../etc/passwd", "x".repeat(900), "=?utf-8?B?" + "w6k".repeat(100) + "?=.pdf",
            "CON", "a\\b\\c.exe", "facture.pdf.exe", ".htaccess", "\u202Efdp.exe", ""};
        for (int f = 0; f < files; f++) {
            text.append("--a\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"")
                    .append(names[f % names.length]).append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n");
        }
        return text.append("--a--\r\n").toString();
    }

    private static String nestedForwards(Random random, int i) {
        int depth = 10 + random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            text.append("From: transfert").append(d).append("@example.org\r\nSubject: Fwd\r\n"
                    + "Content-Type: message/rfc822\r\n\r\n");
        }
        text.append("From: origine@example.org\r\nSubject: au fond\r\n\r\nle message transféré\r\n");
        return head(i, "transferts") + "Content-Type: message/rfc822\r\n\r\n" + text;
    }

    private static String traceHeaderFlood(Random random, int i) {
        StringBuilder text = new StringBuilder();
        int hops = 100 + random.nextInt(400);
        for (int h = 0; h < hops; h++) {
            text.append(switch (h % 3) {
                case 0 -> "Received: from relay" + h + ".example.org by relay" + (h + 1) + ".example.org; "
                        + "Mon, 3 Mar 2025 10:02:00 +0100";
                case 1 -> "Authentication-Results: mx.example.org; dmarc=pass header.from=caf.fr; spf=pass";
                default -> "DKIM-Signature: v=1; a=rsa-sha256; d=caf.fr; s=" + h + "; b=" + "A".repeat(300);
            }).append("\r\n");
        }
        return text + head(i, "traces") + "\r\ncorps\r\n";
    }

    private static String garbage(Random random, int i) {
        byte[] bytes = new byte[1000 + random.nextInt(50_000)];
        random.nextBytes(bytes);
        StringBuilder text = new StringBuilder(head(i, "bruit")).append("\r\n");
        int column = 0;
        for (byte b : bytes) {
            // CR and LF only as CRLF: a bare one is refused, and that is another sample's job.
            char c = (char) (b & 0xFF);
            if (c == '\r' || c == '\n' || column == 500) {
                text.append("\r\n");
                column = 0;
            } else {
                text.append(c);
                column++;
            }
        }
        return text.append("\r\n").toString();
    }

    private static String tooManyHeaderFields(Random random, int i) {
        StringBuilder text = new StringBuilder(head(i, "trop de champs"));
        int fields = MAX_HEADER_FIELDS + 1 + random.nextInt(1000);
        for (int f = 0; f < fields; f++) {
            text.append("X-F").append(f).append(": v\r\n");
        }
        return text.append("\r\ncorps\r\n").toString();
    }

    private static String lineTooLong(Random random, int i) {
        return head(i, "ligne") + "\r\n" + "y".repeat(MAX_LINE + 1 + random.nextInt(10_000)) + "\r\n";
    }

    private static String tooLarge(Random random, int i) {
        return head(i, "trop gros") + "\r\n" + ("z".repeat(998) + "\r\n").repeat(MAX_SIZE / 1000 + 1 + random.nextInt(50));
    }

    private static String wrap(String text, int width) {
        StringBuilder wrapped = new StringBuilder(text.length() + text.length() / width * 2);
        for (int start = 0; start < text.length(); start += width) {
            wrapped.append(text, start, Math.min(text.length(), start + width));
            if (start + width < text.length()) {
                wrapped.append("\r\n");
            }
        }
        return wrapped.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
