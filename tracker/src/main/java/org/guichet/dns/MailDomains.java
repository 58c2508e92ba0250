package org.guichet.dns;

import java.util.List;

/**
 * The domains of this Guichet and their DNS records, the same check as {@code guichet dns check}
 * for the pages and the command line alike.
 */
public interface MailDomains {

    /** The reply domain first, then every domain Guichet signs for, by name. */
    List<MailDomain> domains();

    /** The records {@code domain} needs, without asking DNS. */
    List<NeededRecord> needed(String domain);

    /** The records {@code domain} needs, each compared with what DNS answers now. */
    List<DnsRecordCheck> check(String domain);
}
