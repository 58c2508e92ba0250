package org.guichet.administration;

/**
 * What an administrator writes of a service on the administration page; blank values are absent.
 *
 * @param name       the designation acknowledgements give (required)
 * @param commitment the answer time the service commits to, as its acknowledgement states it
 */
public record ContactDetails(String name, String commitment, String email, String phone, String postalAddress) {

    public ContactDetails {
        name = clean(name);
        commitment = clean(commitment);
        email = clean(email);
        phone = clean(phone);
        postalAddress = clean(postalAddress);
    }

    // A form's textarea sends CRLF (HTML's form encoding); the letters' templates work in LF.
    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n").replace('\r', '\n');
    }
}
