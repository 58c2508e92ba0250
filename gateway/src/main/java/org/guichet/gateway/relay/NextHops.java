package org.guichet.gateway.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.guichet.gateway.submission.NetworkRange;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where mail for a recipient domain goes: the configured smarthost, or the domain's MX hosts
 * in order of preference (RFC 5321 §5.1), each expanded to its addresses, to be tried in turn.
 */
class NextHops {

    private final RelayProperties settings;
    private final Resolver resolver;
    private final List<NetworkRange> allowedInside;
    private final Cache cache = new Cache(DClass.IN);

    NextHops(RelayProperties settings) {
        this.settings = settings;
        this.resolver = resolver(settings.dnsServers());
        this.allowedInside = settings.mxAllowedNetworks().stream().map(NetworkRange::parse).toList();
    }

    private static Resolver resolver(List<String> servers) {
        if (servers.isEmpty()) {
            return null;
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : servers) {
            HostPort hostPort = HostPort.parse(server, 53);
            resolvers.add(new SimpleResolver(new InetSocketAddress(hostPort.host(), hostPort.port())));
        }
        return resolvers.size() == 1 ? resolvers.get(0) : new ExtendedResolver(resolvers);
    }

    /** Whether all recipients share one next hop, whatever their domain. */
    boolean smarthost() {
        return settings.usesSmarthost();
    }

    /** The key recipients are grouped by: one SMTP transaction per message and key. */
    String routeKey(String recipient) {
        return smarthost() ? "smarthost" : domainOf(recipient);
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? "" : address.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    /** Addresses to try, best first. */
    List<RemoteHost> resolve(String domain) throws RouteFailure {
        if (smarthost()) {
            HostPort hostPort = HostPort.parse(settings.smarthost(), 25);
            try {
                return Arrays.stream(InetAddress.getAllByName(hostPort.host()))
                        .map(address -> new RemoteHost(hostPort.host(), address, hostPort.port()))
                        .toList();
            } catch (UnknownHostException e) {
                throw new RouteFailure(SmtpReply.local(451, "4.4.4", "smarthost " + hostPort.host() + " not found"));
            }
        }
        return byMx(domain);
    }

    private List<RemoteHost> byMx(String domain) throws RouteFailure {
        Name name = name(domain);
        Lookup lookup = lookup(name, Type.MX);
        Record[] answers = lookup.run();
        List<String> exchangers = new ArrayList<>();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> {
                List<MXRecord> mx = Arrays.stream(answers).filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                        .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
                // RFC 7505: a single MX of preference 0 and target "." says the domain takes no mail
                if (mx.size() == 1 && mx.get(0).getTarget().equals(Name.root)) {
                    throw new RouteFailure(SmtpReply.local(556, "5.1.10", "domain " + domain + " accepts no mail (null MX)"));
                }
                for (MXRecord record : mx) {
                    if (!record.getTarget().equals(Name.root)) {
                        exchangers.add(record.getTarget().toString(true));
                    }
                }
            }
            // RFC 5321 §5.1: no MX record, the domain itself is the implicit MX
            case Lookup.TYPE_NOT_FOUND -> exchangers.add(domain);
            case Lookup.HOST_NOT_FOUND ->
                    throw new RouteFailure(SmtpReply.local(550, "5.1.2", "domain " + domain + " does not exist"));
            default -> throw new RouteFailure(SmtpReply.local(451, "4.4.3",
                    "MX lookup for " + domain + " failed: " + lookup.getErrorString()));
        }
        List<RemoteHost> hosts = new ArrayList<>();
        boolean inside = false;
        for (String exchanger : exchangers) {
            for (InetAddress address : addresses(exchanger)) {
                if (inside(address) && allowedInside.stream().noneMatch(range -> range.contains(address))) {
                    inside = true; // whoever controls the domain's DNS would aim the relay at our own network
                    continue;
                }
                hosts.add(new RemoteHost(exchanger, address, settings.mxPort()));
            }
        }
        if (hosts.isEmpty() && inside) {
            throw new RouteFailure(SmtpReply.local(550, "5.4.4", "the mail hosts of " + domain
                    + " resolve only to loopback or private addresses (guichet.relay.mx-allowed-networks)"));
        }
        if (hosts.isEmpty()) {
            throw new RouteFailure(SmtpReply.local(451, "4.4.3", "no address found for the mail hosts of " + domain));
        }
        return hosts;
    }

    /** Loopback, private (RFC 1918, RFC 4193), link-local, shared (RFC 6598) or unspecified. */
    static boolean inside(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
        boolean shared = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
        boolean thisNetwork = bytes.length == 4 && bytes[0] == 0;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || uniqueLocal || shared || thisNetwork;
    }

    private List<InetAddress> addresses(String host) {
        List<InetAddress> addresses = new ArrayList<>();
        Name name;
        try {
            name = name(host);
        } catch (RouteFailure e) {
            return addresses;
        }
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup lookup = lookup(name, type);
            Record[] answers = lookup.run();
            if (answers != null) {
                for (Record record : answers) {
                    if (record instanceof ARecord a) {
                        addresses.add(a.getAddress());
                    } else if (record instanceof AAAARecord aaaa) {
                        addresses.add(aaaa.getAddress());
                    }
                }
            }
        }
        return addresses;
    }

    private Lookup lookup(Name name, int type) {
        Lookup lookup = new Lookup(name, type);
        if (resolver != null) {
            lookup.setResolver(resolver);
        }
        lookup.setCache(cache);
        return lookup;
    }

    private static Name name(String domain) throws RouteFailure {
        try {
            return Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            throw new RouteFailure(SmtpReply.local(553, "5.1.2", "bad domain syntax: " + domain));
        }
    }

    /** {@code host:port}, {@code host} or {@code [v6 literal]:port}. */
    record HostPort(String host, int port) {

        static HostPort parse(String text, int defaultPort) {
            String value = text.strip();
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                String host = value.substring(1, close);
                String rest = value.substring(close + 1);
                return new HostPort(host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : defaultPort);
            }
            int colon = value.lastIndexOf(':');
            if (colon > 0 && value.indexOf(':') == colon) {
                return new HostPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            }
            return new HostPort(value, defaultPort);
        }
    }
}
