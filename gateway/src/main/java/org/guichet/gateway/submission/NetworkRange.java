package org.guichet.gateway.submission;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

import com.google.common.net.InetAddresses;

/** An IPv4 or IPv6 network in CIDR notation, such as {@code 10.0.0.0/8} or {@code ::1/128}. */
public record NetworkRange(InetAddress network, int prefixLength) {

    public static NetworkRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            // Refuse host names: an allow-list must not depend on DNS.
            throw new IllegalArgumentException("not an IP network: '" + cidr + "'");
        }
        if (!address.contains(":") && !address.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            // Four decimal octets only: "10.0.0" or "10.300.0.0" would otherwise be read loosely, or asked of DNS.
            throw new IllegalArgumentException("not an IPv4 address: '" + cidr + "'");
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP network: '" + cidr + "'", e);
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + cidr + "'", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
        }
        return new NetworkRange(network, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int shift = base.length * 8 - prefixLength;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, base).shiftRight(shift));
    }

    /** As RFC 5952 writes addresses: {@code 10.1.2.0/24}, {@code 2001:db8::/32}, {@code ::1/128}. */
    @Override
    public String toString() {
        return InetAddresses.toAddrString(network) + "/" + prefixLength;
    }
}
