package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.guichet.casework.CaseThreading;
import org.guichet.gateway.authentication.Authenticator;
import org.guichet.gateway.content.ReplyContentReader;
import org.guichet.gateway.inspect.AuthenticationReport;
import org.guichet.gateway.inspect.DryRun;
import org.guichet.gateway.inspect.InboundDryRun;
import org.guichet.gateway.inspect.InboundEnvelope;
import org.guichet.gateway.inspect.Ending;
import org.guichet.gateway.inspect.HeaderChange;
import org.guichet.gateway.inspect.InboundReport;
import org.guichet.gateway.inspect.MessageEnvelope;
import org.guichet.gateway.inspect.NoticeOutcome;
import org.guichet.gateway.inspect.OutboundCopy;
import org.guichet.gateway.inspect.OutboundReport;
import org.guichet.gateway.inspect.ThreadingReport;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.gateway.inbound.Classification;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.pipeline.GuichetMailetContext;
import org.guichet.gateway.pipeline.MailetContainer;
import org.guichet.gateway.pipeline.PipelineProperties;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.inspect.DryRunConversations;
import org.springframework.core.env.ConfigurableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code guichet inspect}: what Guichet would do to a message, without sending or storing
 * anything. Outbound, the real mailet container runs the operator's {@code pipeline.xml} on the
 * message in memory ({@link DryRun}); inbound, each step of the inbound processor says what it
 * would do ({@link InboundDryRun}): threading decision, automatic-mail classification, SPF/DKIM/DMARC
 * and visible text. Runs on the same context as the other commands (the server's database, read,
 * never written).
 */
@Command(name = InspectCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Show what Guichet would do to a message, without sending or storing anything.",
                "PATH is a message file (.eml) or a folder of them; a folder gives one JSON line per file."})
class InspectCommand extends Subcommand {

    static final String NAME = "inspect";

    enum Direction { outbound, inbound }

    private final PipelineProperties pipeline;
    private final GuichetMailetContext mailetContext;
    private final ConfigurableEnvironment environment;
    private final SmtpProperties smtp;
    private final Clock clock;
    private final CaseThreading threading;
    private final ReplyTokenVerifier tokens;
    private final Authenticator authenticator;


    @Parameters(paramLabel = "PATH", description = "A message file, or a folder of message files.")
    Path path;

    @Option(names = "--direction", defaultValue = "outbound",
            description = "outbound (an application's message through pipeline.xml) or inbound (a citizen's reply);"
                    + " default ${DEFAULT-VALUE}.")
    Direction direction;

    @Option(names = "--json", description = "One JSON line per file instead of text.")
    boolean asJson;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "Outbound: write the message as it would leave; to an existing folder, one file per message.")
    Path out;

    @Option(names = "--from", paramLabel = "ADDRESS",
            description = "Envelope sender (default: Return-Path, else From); '<>' for the null sender.")
    String from;

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",",
            description = "Envelope recipients (default: outbound, every To, Cc and Bcc address;"
                    + " inbound, Delivered-To, To and Cc, where the reply address is looked for).")
    List<String> to = new ArrayList<>();

    @Option(names = "--client-ip", paramLabel = "IP",
            description = "Inbound: the SMTP client's address for SPF (default: the topmost Received header).")
    String clientIp;

    @Option(names = "--helo", paramLabel = "NAME",
            description = "Inbound: the name the client gave in EHLO (default: the topmost Received header).")
    String helo;

    InspectCommand(PipelineProperties pipeline, GuichetMailetContext mailetContext, ConfigurableEnvironment environment,
            SmtpProperties smtp, Clock clock, CaseThreading threading, ReplyTokenVerifier tokens,
            Authenticator authenticator) {
        this.pipeline = pipeline;
        this.mailetContext = mailetContext;
        this.environment = environment;
        this.smtp = smtp;
        this.clock = clock;
        this.threading = threading;
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        boolean folder = Files.isDirectory(path);
        if (!folder && !Files.isRegularFile(path)) {
            err.println("guichet: no file or folder " + path);
            return 1;
        }
        if (out != null && (folder || direction == Direction.inbound)) {
            err.println("guichet: --out writes an outbound message: give one file, without --direction inbound");
            return 1;
        }
        List<Path> files = folder ? messageFiles(path) : List.of(path);
        if (direction == Direction.inbound) {
            return inbound(files, folder);
        }
        // A dry run: conversations it opens stay in memory (the addresses it prints reach nobody).
        mailetContext.setAttribute(GuichetServices.CONTEXT_ATTRIBUTE, GuichetServices.of(mailetContext)
                .with(ConversationLog.class, new DryRunConversations(clock)));
        MailetContainer container = MailetContainer.configured(pipeline, mailetContext, environment, smtp);
        try {
            return outbound(new DryRun(container, clock), files, folder);
        } finally {
            container.destroy();
        }
    }

    private int inbound(List<Path> files, boolean folder) {
        PrintWriter stdout = out();
        InboundDryRun dryRun = new InboundDryRun(threading, tokens, authenticator, ReplyContentReader.standard(), clock);
        int status = 0;
        for (Path file : files) {
            InboundReport report;
            try {
                // What arrives over SMTP has CRLF line ends (RFC 5321 §2.3.8); DKIM is checked on those bytes.
                byte[] raw = crlf(Files.readAllBytes(file));
                InboundEnvelope envelope = InboundEnvelope.of(InboundDryRun.parse(raw), from, to, clientIp, helo);
                report = dryRun.inspect(raw, envelope);
            } catch (IOException e) {
                status = failed(file, folder, "cannot read: " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                status = failed(file, folder, e.getMessage());
                continue;
            }
            if (asJson || folder) {
                stdout.println(line(file, folder, report));
            } else {
                print(stdout, file, report);
            }
        }
        stdout.flush();
        return status;
    }

    private static void print(PrintWriter out, Path file, InboundReport report) {
        InboundEnvelope envelope = report.envelope();
        out.printf("file:           %s%n", file);
        out.printf("envelope:       from <%s> (%s), client %s helo %s (%s)%n", envelope.mailFrom(),
                envelope.mailFromSource(), orUnknown(envelope.clientIp()), orUnknown(envelope.helo()),
                envelope.clientSource());
        Classification automatic = report.automatic();
        out.printf("automatic:      %s%n", automatic.automatic()
                ? "yes, " + automatic.reason() + " (" + automatic.evidence() + ")" : "no");
        AuthenticationReport authentication = report.authentication();
        out.printf("authentication: spf=%s dkim=%s dmarc=%s%s%n", authentication.spf(), authentication.dkim(),
                authentication.dmarc(), authentication.flagged() ? ", flagged (doubtful origin, kept)" : "");
        out.printf("                Authentication-Results: %s%n", authentication.header());
        ThreadingReport threading = report.threading();
        out.printf("threading:      %s%s%n", threading.threading(),
                threading.matched() == null ? "" : " (" + threading.matched() + ")");
        out.printf("reply address:  %s (token %s)%n", orAbsent(threading.replyAddress()), threading.token());
        out.printf("case:           %s, %s, service %s%n",
                threading.caseReference() == null ? "a new case" : threading.caseReference(), threading.change(),
                threading.service());
        out.printf("citizen:        %s%s; author %s%n", threading.citizen(),
                threading.thirdParty() ? ", written by a third party" : "", threading.author());
        out.printf("visible text:%n%s%n", indent(report.visibleText()));
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    private int outbound(DryRun dryRun, List<Path> files, boolean folder) throws IOException {
        PrintWriter stdout = out();
        int status = 0;
        for (Path file : files) {
            byte[] raw;
            MessageEnvelope envelope;
            List<Ending> endings;
            try {
                // What arrives over SMTP has CRLF line ends (RFC 5321 §2.3.8); a saved file may not.
                raw = crlf(Files.readAllBytes(file));
                envelope = MessageEnvelope.of(raw, from, to);
                endings = dryRun.run(raw, envelope);
            } catch (IOException | RuntimeException e) {
                status = failed(file, folder, e.getMessage());
                continue;
            } catch (Exception e) {
                status = failed(file, folder, "the pipeline failed: " + e);
                continue;
            }
            OutboundReport report = OutboundReport.of(raw, envelope, endings);
            if (asJson || folder) {
                stdout.println(line(file, folder, report));
            } else {
                print(stdout, file, report);
            }
            if (out != null) {
                status = Math.max(status, write(file, endings));
            }
        }
        stdout.flush();
        return status;
    }

    private int failed(Path file, boolean folder, String reason) {
        if (asJson || folder) {
            ObjectNode node = json().createObjectNode();
            node.put("file", name(file, folder));
            node.put("error", reason);
            out().println(node);
        } else {
            err().println("guichet: " + file + ": " + reason);
        }
        return 1;
    }

    private String line(Path file, boolean folder, Object report) {
        ObjectNode node = json().createObjectNode();
        node.put("file", name(file, folder));
        node.setAll((ObjectNode) json().valueToTree(report));
        return node.toString();
    }

    private String name(Path file, boolean folder) {
        return folder ? path.relativize(file).toString() : file.toString();
    }

    private static void print(PrintWriter out, Path file, OutboundReport report) {
        long held = report.held();
        out.printf("file:       %s%n", file);
        out.printf("envelope:   from <%s> to %s%n", report.sender(), String.join(", ", report.recipients()));
        out.printf("From:       %s%n", orAbsent(report.from()));
        out.printf("Reply-To:   %s%n", orAbsent(report.replyTo()));
        out.printf("result:     %d message(s) to relay, %d held%n", report.copies().size() - held, held);
        int n = 0;
        for (OutboundCopy copy : report.copies()) {
            out.println();
            out.printf("[%d] %s: %s to %s%n", ++n, copy.name(), copy.status(), String.join(", ", copy.recipients()));
            if (copy.error() != null) {
                out.printf("    error:          %s%n", copy.error());
            }
            if (copy.noreplyMatched()) {
                out.printf("    noreply rule:   matched%s%n",
                        copy.noreplyAddress() == null ? "" : " (sender " + copy.noreplyAddress() + ")");
                out.printf("    reply address:  %s%n", copy.replyAddress());
                out.printf("    token:          %s%n", copy.token());
            } else {
                out.printf("    noreply rule:   not matched%s%n", reason(report, copy));
            }
            printNotice(out, copy.notice());
            if (copy.headers().isEmpty() && !copy.bodyChanged()) {
                out.println("    unchanged:      leaves as submitted");
                continue;
            }
            for (HeaderChange change : copy.headers()) {
                out.printf("    %-16s%s%n", change.name() + ":", orAbsent(change.before()).replace("\n", " | "));
                out.printf("    %-16s%s%n", "  now:", orAbsent(change.after()).replace("\n", " | "));
            }
            out.printf("    body:           %s%n", copy.bodyChanged() ? "changed" : "unchanged");
        }
    }

    private static String reason(OutboundReport report, OutboundCopy copy) {
        if (copy.noreplyAddress() == null) {
            return " (the sender does not read as noreply)";
        }
        return report.replyTo() != null ? " (a Reply-To is set: replies already reach someone)" : "";
    }

    private static void printNotice(PrintWriter out, NoticeOutcome notice) {
        if (notice == null) {
            out.println("    notice:         not run (no ReplaceNoreplyNotice for this message in pipeline.xml)");
            return;
        }
        out.printf("    notice:         %s%s%n", notice.outcome(),
                notice.count() > 0 ? ", " + notice.count() + " replaced" : "");
        for (String entry : notice.entries()) {
            out.printf("                    %s%n", entry);
        }
        for (String skipped : notice.skipped()) {
            out.printf("                    skipped: %s%n", skipped);
        }
    }

    /** Writes the messages that would be relayed: one to a file, each to a folder. */
    private int write(Path file, List<Ending> endings) throws IOException {
        PrintWriter notes = asJson ? err() : out();
        List<Ending> relayed = endings.stream().filter(ending -> !ending.held()).toList();
        if (relayed.isEmpty()) {
            err().println("guichet: nothing would be relayed; nothing written");
            return 1;
        }
        if (Files.isDirectory(out)) {
            String stem = file.getFileName().toString().replaceFirst("\\.eml$", "");
            for (int i = 0; i < relayed.size(); i++) {
                Path target = out.resolve(relayed.size() == 1 ? stem + ".eml" : stem + "-" + (i + 1) + ".eml");
                Files.write(target, relayed.get(i).message());
                notes.println("written: " + target);
            }
            return 0;
        }
        Files.write(out, relayed.get(0).message());
        notes.println("written: " + out);
        if (relayed.size() > 1) {
            err().println("guichet: " + relayed.size() + " messages would be relayed; only the first"
                    + " was written: give an existing folder to --out for all");
        }
        return 0;
    }

    private static List<Path> messageFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** Bare LF becomes CRLF; CRLF stays. */
    static byte[] crlf(byte[] raw) {
        java.io.ByteArrayOutputStream normalised = new java.io.ByteArrayOutputStream(raw.length + raw.length / 40);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                normalised.write('\r');
            }
            normalised.write(raw[i]);
        }
        return normalised.toByteArray();
    }

    private static String orAbsent(String value) {
        return value == null ? "(absent)" : value;
    }

    private static String indent(String text) {
        return text.isEmpty() ? "    (empty)" : "    " + text.replace("\n", "\n    ");
    }

    private static JsonMapper json() {
        return QueueCommand.json();
    }
}
