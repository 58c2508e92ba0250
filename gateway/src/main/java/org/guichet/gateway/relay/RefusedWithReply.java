package org.guichet.gateway.relay;

/** A step of delivery that failed with an SMTP reply, its own or the server's: the reply says whether that is final. */
public abstract class RefusedWithReply extends Exception {

    private final transient SmtpReply reply;

    protected RefusedWithReply(SmtpReply reply) {
        super(reply.oneLine());
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
