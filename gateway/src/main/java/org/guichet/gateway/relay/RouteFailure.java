package org.guichet.gateway.relay;

/** No next hop could be found for a domain; the reply says whether that is final. */
public class RouteFailure extends Exception {

    private final transient SmtpReply reply;

    public RouteFailure(SmtpReply reply) {
        super(reply.oneLine());
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
