package org.guichet.gateway.pipeline;

import jakarta.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/** A mailet that always fails, as a broken step would. */
public class Explode extends GenericMailet {

    @Override
    public void service(Mail mail) throws MessagingException {
        throw new MessagingException("disk on fire while rewriting " + mail.getName());
    }
}
