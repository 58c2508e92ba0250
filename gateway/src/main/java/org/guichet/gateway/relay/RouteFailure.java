package org.guichet.gateway.relay;

/** No next hop could be found for a domain; the reply says whether that is final. */
public class RouteFailure extends RefusedWithReply {

    public RouteFailure(SmtpReply reply) {
        super(reply);
    }
}
