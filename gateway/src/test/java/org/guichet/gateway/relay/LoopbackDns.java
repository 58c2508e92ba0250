package org.guichet.gateway.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * A UDP DNS responder on 127.0.0.1 answering from a few records, built on dnsjava's
 * {@link Message}: names it knows get their records (or an empty NOERROR answer), others NXDOMAIN.
 * Public so that tests of other capabilities (SPF, DKIM and DMARC checks) query it too.
 */
public final class LoopbackDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();

    public LoopbackDns() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(this::serve);
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public LoopbackDns mx(String domain, int preference, String target) throws TextParseException {
        return add(new MXRecord(name(domain), DClass.IN, 60, preference, name(target)));
    }

    public LoopbackDns a(String host, String address) throws IOException {
        return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getByName(address)));
    }

    /** A name that exists with no records of any type asked (NOERROR, empty answer). */
    public LoopbackDns exists(String host) throws TextParseException {
        zone.computeIfAbsent(name(host), n -> new ArrayList<>());
        return this;
    }

    /**
     * A TXT record; a text longer than 255 characters is cut into several strings of one
     * record, as DKIM keys are published (RFC 6376 §3.6.2.2).
     */
    public LoopbackDns txt(String name, String text) throws TextParseException {
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < text.length(); start += 255) {
            strings.add(text.substring(start, Math.min(text.length(), start + 255)));
        }
        return add(new TXTRecord(name(name), DClass.IN, 60, strings.isEmpty() ? List.of("") : strings));
    }

    private LoopbackDns add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
        return this;
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text, Name.root);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.AA);
                response.addRecord(question, Section.QUESTION);
                List<Record> records = zone.get(question.getName());
                if (records == null) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    records.stream().filter(r -> r.getType() == question.getType())
                            .forEach(r -> response.addRecord(r, Section.ANSWER));
                }
                byte[] wire = response.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
