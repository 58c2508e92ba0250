package org.guichet.gateway.relay;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One address of a next hop: the name it was reached by (smarthost or MX host), the
 * address connected to and the port. Also the key of the connection pool.
 */
public record RemoteHost(String name, InetAddress address, int port) {

    /** Postfix's form, as logged in {@code relay=}: {@code mx.example.org[192.0.2.1]:25}. */
    public String describe() {
        String ip = address.getHostAddress();
        return name + "[" + (address instanceof Inet6Address ? ip.replaceFirst("%.*$", "") : ip) + "]:" + port;
    }

    @Override
    public String toString() {
        return describe();
    }
}
