package org.guichet.gateway.attachment;

/**
 * What a file's bytes show it to be.
 *
 * @param type   media type, lower case (RFC 6838 names; {@code application/octet-stream} when unknown)
 * @param active what makes it able to run code (an executable, a script in HTML, Office
 *               macros, an executable inside an archive), or null when nothing does
 */
record Detection(String type, String active) {

    static final String UNKNOWN = "application/octet-stream";

    static Detection of(String type) {
        return new Detection(type, null);
    }

    static Detection active(String type, String why) {
        return new Detection(type, why);
    }

    boolean runsCode() {
        return active != null;
    }
}
