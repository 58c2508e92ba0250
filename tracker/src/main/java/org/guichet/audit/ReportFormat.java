package org.guichet.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The two forms of a report. Each carries the SHA-256 of its own content, computed so that
 * an auditor recomputes it from the bytes received, without Guichet:
 * <ul>
 *   <li><b>JSON</b>: one document in canonical form (object keys sorted, no whitespace, UTF-8);
 *       its last member is {@code "sha256"}. The hash covers the document without that member:
 *       the bytes with the final {@code ,"sha256":"<64 hex>"} removed (the closing brace stays).</li>
 *   <li><b>CSV</b> (RFC 4180, CRLF): comment lines {@code # key: value} (the metadata), one
 *       header line, the rows, and a last line {@code # sha256: <64 hex>}. The hash covers every
 *       byte before that last line.</li>
 * </ul>
 */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code json} or {@code csv}, in any case. */
    public static ReportFormat of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("format '" + text + "' is not json or csv");
        }
    }

    public RenderedReport render(MonthlyReport report) {
        String content = this == JSON ? ReportJson.content(report) : ReportCsv.content(report);
        String sha256 = sha256(content);
        String document = this == JSON
                ? content.substring(0, content.length() - 1) + ",\"sha256\":\"" + sha256 + "\"}"
                : content + "# sha256: " + sha256 + "\r\n";
        String name = "guichet-report-" + report.month() + (report.service() == null ? "" : "-" + report.service())
                + (report.channel() == null ? "" : "-" + report.channel().code()) + "." + extension;
        return new RenderedReport(document.getBytes(StandardCharsets.UTF_8), sha256, mediaType, name);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code content}. */
    public static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
