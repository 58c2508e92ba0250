package org.guichet.gateway.smtp;

import java.io.IOException;
import java.util.Locale;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * DATA, or the last BDAT chunk, ending the mail transaction whatever its reply: a message
 * refused at the end of its data (too large, a line too long) leaves the session ready for the
 * next {@code MAIL}, as RFC 5321 §3.3 and §4.1.1.4 have it. SubEthaSMTP clears the transaction
 * only after a 250, so a client sending its next message got {@code 503 Sender already specified}.
 */
final class TransactionEndingCommand extends BaseCommand {

    private final Command command;
    private final boolean chunked;

    private TransactionEndingCommand(Command command, String name, String help, boolean chunked) {
        super(name, help);
        this.command = command;
        this.chunked = chunked;
    }

    static TransactionEndingCommand data(Command data) {
        return new TransactionEndingCommand(data, "DATA", "Following text is collected as the message.", false);
    }

    static TransactionEndingCommand bdat(Command bdat) {
        return new TransactionEndingCommand(bdat, "BDAT", "A chunk of the message (RFC 3030).", true);
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        boolean ends = session.isMailTransactionInProgress() && session.getRecipientCount() > 0
                && (!chunked || commandString.toUpperCase(Locale.ROOT).contains(" LAST"));
        command.execute(commandString, session);
        if (ends) {
            session.resetMailTransaction();
        }
    }
}
