package org.guichet.dns;

/**
 * One record a domain needs published, before anyone asked DNS.
 *
 * @param purpose  {@code MX}, {@code SPF}, {@code DKIM}, {@code DMARC} or {@code MTA-STS}
 * @param record   the record to publish, as a zone file line
 * @param required whether mail suffers without it (MTA-STS is recommended only)
 */
public record NeededRecord(String purpose, String record, boolean required) {
}
