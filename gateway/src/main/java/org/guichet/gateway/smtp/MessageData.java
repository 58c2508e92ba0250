package org.guichet.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.subethamail.smtp.RejectException;

/**
 * Reads the DATA of one message, enforcing the size limit and strict line endings.
 * A bare CR or LF is refused (RFC 5321 §2.3.8): SMTP smuggling (CVE-2023-51764 and
 * family) hides a second message behind an end-of-data that a lax peer would honour.
 */
public final class MessageData {

    private MessageData() {
    }

    public static byte[] read(InputStream data, long maxSize) throws IOException, RejectException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        boolean tooBig = false;
        int previous = -1;
        boolean bare = false;
        int n;
        while ((n = data.read(buffer)) != -1) {
            for (int i = 0; i < n && !bare; i++) {
                int b = buffer[i];
                if (b == '\n' && previous != '\r') {
                    bare = true;
                } else if (previous == '\r' && b != '\n') {
                    bare = true;
                }
                previous = b;
            }
            total += n;
            if (total > maxSize) {
                tooBig = true;
            }
            if (!tooBig && !bare) {
                out.write(buffer, 0, n);
            }
        }
        if (previous == '\r') {
            bare = true;
        }
        if (bare) {
            throw new RejectException(554,
                    "5.5.2 Message refused: bare CR or LF in data, lines must end with CRLF (RFC 5321 2.3.8)");
        }
        if (tooBig) {
            throw new RejectException(552, "5.3.4 Message size exceeds fixed maximum message size");
        }
        return out.toByteArray();
    }
}
