package org.guichet.submitter;

import java.util.List;
import java.util.Optional;

/**
 * The applications allowed to submit mail with SMTP AUTH, and what operators do to them,
 * from the pages or the command line alike. Networks are given in CIDR notation
 * ({@code 10.1.2.0/24}, {@code 2001:db8::/32}) or as one address; a bad one refuses the whole
 * change with {@link SubmitterRefusedException.Reason#BAD_NETWORK}.
 */
public interface Submitters {

    /** Every application, by name. */
    List<Submitter> list();

    Optional<Submitter> find(String username);

    /**
     * Adds an application with a generated password, stored as a bcrypt hash only.
     *
     * @param networks where it may authenticate from; empty for anywhere
     * @return the application and its password, to be shown once
     */
    NewSubmitter add(String username, String description, List<String> networks);

    /** A disabled application is refused at AUTH; it stays listed, with the mail it sent. */
    void enable(String username, boolean enabled);

    /** Replaces the networks the application may authenticate from; empty for anywhere. */
    Submitter changeNetworks(String username, List<String> networks);

    /**
     * Replaces the domains the application may send as; empty for any. Guichet signs with DKIM
     * the From domain of what it accepts: limited, an application cannot have another service's
     * mail signed. A name that is not a domain refuses the change ({@code BAD_DOMAIN}).
     */
    Submitter changeDomains(String username, List<String> domains);

    /** Removes the application; the mail it submitted keeps its name. */
    void delete(String username);
}
