package org.guichet.audit;

/**
 * A report written out: the exact bytes to serve or save, and the SHA-256 they carry.
 *
 * @param bytes     the document, UTF-8
 * @param sha256    hex SHA-256 of its canonical content (see {@link ReportFormat})
 * @param mediaType {@code application/json} or {@code text/csv; charset=UTF-8}
 * @param fileName  a file name for downloads, e.g. {@code guichet-report-2026-03.csv}
 */
public record RenderedReport(byte[] bytes, String sha256, String mediaType, String fileName) {
}
