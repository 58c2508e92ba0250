package org.guichet.administration;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A service as the administration page shows it: its contact details as acknowledgements give
 * them, whether it takes new official messages, and who last edited it there.
 *
 * @param editedAt null while the configuration alone sets the details
 * @param editedBy the account that edited it on the page, or null
 */
public record ServiceSheet(String code, String name, String commitment, String email, String phone,
        String postalAddress, String calendar, boolean enabled, Instant editedAt, String editedBy) {

    /** The R112-11-1 mentions its acknowledgement lacks. */
    public Set<Mention> missing() {
        return missing(phone, postalAddress);
    }

    public boolean complete() {
        return missing().isEmpty();
    }

    public boolean isDefault() {
        return ServiceDirectory.DEFAULT.equals(code);
    }

    static Set<Mention> missing(String phone, String postalAddress) {
        Set<Mention> missing = EnumSet.noneOf(Mention.class);
        if (postalAddress == null || postalAddress.isBlank()) {
            missing.add(Mention.POSTAL_ADDRESS);
        }
        if (phone == null || phone.isBlank()) {
            missing.add(Mention.PHONE);
        }
        return missing;
    }
}
