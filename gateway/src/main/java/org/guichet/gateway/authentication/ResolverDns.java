package org.guichet.gateway.authentication;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * {@link DnsRecords} asked of recursive DNS servers with dnsjava: the configured ones
 * ({@code host:port}), or the system's when none is. Queries carry EDNS0 with a 1232-byte
 * payload so that a 2048-bit DKIM key fits one UDP answer (RFC 6891); a truncated answer is
 * retried over TCP by dnsjava.
 */
public final class ResolverDns implements DnsRecords {

    private static final int EDNS_PAYLOAD = 1232;

    private final Resolver resolver;

    /**
     * @param servers resolvers as {@code host:port}, {@code host} or {@code [v6]:port}; the
     *                system resolvers when empty
     * @param timeout longest wait dnsjava itself allows a query (each lookup may wait less)
     */
    public ResolverDns(List<String> servers, Duration timeout) {
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : servers) {
            resolvers.add(new SimpleResolver(address(server)));
        }
        this.resolver = resolvers.isEmpty() ? new ExtendedResolver()
                : resolvers.size() == 1 ? resolvers.get(0) : new ExtendedResolver(resolvers);
        resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        resolver.setTimeout(timeout);
    }

    @Override
    public List<String> lookup(String name, DnsRecords.Type type, Duration wait) throws DnsFailure {
        Name question;
        try {
            question = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            // not a name DNS can hold: nothing is published there
            return List.of();
        }
        int code = code(type);
        Message query = Message.newQuery(Record.newRecord(question, code, DClass.IN));
        Message answer;
        try {
            answer = resolver.sendAsync(query).toCompletableFuture().get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DnsFailure("no DNS answer in time for " + type + " " + name, e);
        } catch (ExecutionException e) {
            throw new DnsFailure("DNS query for " + type + " " + name + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsFailure("interrupted while asking " + type + " " + name, e);
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsFailure("DNS answered " + Rcode.string(rcode) + " for " + type + " " + name);
        }
        List<String> values = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record.getType() == code) {
                values.add(text(record));
            }
        }
        return values;
    }

    /** dnsjava's type code; its {@code Type} class is shadowed here by {@link DnsRecords.Type}. */
    private static int code(DnsRecords.Type type) {
        return switch (type) {
            case A -> org.xbill.DNS.Type.A;
            case AAAA -> org.xbill.DNS.Type.AAAA;
            case MX -> org.xbill.DNS.Type.MX;
            case PTR -> org.xbill.DNS.Type.PTR;
            case TXT -> org.xbill.DNS.Type.TXT;
        };
    }

    private static String text(Record record) {
        return switch (record) {
            case ARecord a -> a.getAddress().getHostAddress();
            case AAAARecord aaaa -> aaaa.getAddress().getHostAddress();
            case MXRecord mx -> mx.getTarget().toString(true);
            case PTRRecord ptr -> ptr.getTarget().toString(true);
            case TXTRecord txt -> {
                // the strings of one record are one text, without separators (RFC 7208 §3.3)
                StringBuilder joined = new StringBuilder();
                for (byte[] part : txt.getStringsAsByteArrays()) {
                    joined.append(new String(part, StandardCharsets.UTF_8));
                }
                yield joined.toString();
            }
            default -> record.rdataToString();
        };
    }

    private static InetSocketAddress address(String server) {
        String value = server.strip();
        String host = value;
        int port = 53;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.startsWith(":")) {
                port = Integer.parseInt(rest.substring(1));
            }
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = Integer.parseInt(value.substring(value.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
