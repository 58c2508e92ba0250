package org.guichet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guichet.Guichet;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.IFactory;

/**
 * The command-line side of the jar. A command starts Guichet's context without any role
 * (no listener, no worker, no web server) on the same configuration and database as the
 * server, so it acts exactly as the REST API does; with the embedded database it joins the
 * PostgreSQL of a Guichet already running on the same home.
 */
public final class CommandLine {

    // The subcommands of GuichetCommand, read from its annotation, so that a new command is never taken for a server start.
    private static final Set<String> COMMANDS = commands();

    private static Set<String> commands() {
        Set<String> names = new java.util.HashSet<>(Set.of("help", "--help", "-h"));
        for (Class<?> command : GuichetCommand.class.getAnnotation(picocli.CommandLine.Command.class).subcommands()) {
            names.add(command.getAnnotation(picocli.CommandLine.Command.class).name());
        }
        return Set.copyOf(names);
    }

    private CommandLine() {
    }

    public static boolean isCommand(String first) {
        return COMMANDS.contains(first);
    }

    public static int run(String[] args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--debug") || arg.matches("--(guichet|spring|server|management|logging)\\.[^=]+=.*")) {
                springArgs.add(arg);
            } else {
                commandArgs.add(arg);
            }
        }
        picocli.CommandLine parsed = new picocli.CommandLine(GuichetCommand.class, new UsageOnlyFactory());
        if (commandArgs.isEmpty() || needsNoContext(parsed, commandArgs)) {
            return parsed.execute(commandArgs.toArray(String[]::new));
        }
        // Commands keep the log off the standard output that carries their results (inspect's JSON
        // lines, a checkpoint to keep as a file); inspect needs no database of its own: without a
        // running node it gets a throw-away one.
        boolean inspect = commandArgs.get(0).equals(InspectCommand.NAME);
        boolean debug = springArgs.contains("--debug");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(Guichet.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("guichet.node.roles=", "guichet.database.embedded.attach=true",
                            "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.threshold.console=ERROR",
                            "logging.level.org.guichet=WARN",
                            // The start's advice on services is for the server's log, not a command's output.
                            "logging.level.org.guichet.administration.ServiceDirectory=ERROR",
                            // A failure that no analyzer explains is said below in one line, not as a stack trace.
                            "logging.level.org.springframework.boot.SpringApplication=" + (debug ? "ERROR" : "OFF"))
                    .properties(inspect ? new String[] {"guichet.database.embedded.throwaway=true"} : new String[0])
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("guichet: " + commandArgs.get(0) + " could not start: " + rootMessage(e)
                    + (debug ? "" : " (--debug shows the details)"));
            return 1;
        }
        try (context) {
            IFactory factory = new SpringFactory(context);
            return new picocli.CommandLine(GuichetCommand.class, factory)
                    .setExecutionExceptionHandler((e, cmd, result) -> {
                        cmd.getErr().println("guichet: " + rootMessage(e));
                        if (debug) {
                            e.printStackTrace(cmd.getErr());
                        }
                        return 2;
                    })
                    .execute(commandArgs.toArray(String[]::new));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Help, usage errors, groups typed alone and commands on files only are answered without starting anything. */
    private static boolean needsNoContext(picocli.CommandLine parsed, List<String> args) {
        try {
            picocli.CommandLine.ParseResult result = parsed.parseArgs(args.toArray(String[]::new));
            while (result.hasSubcommand()) {
                result = result.subcommand();
            }
            Object command = result.commandSpec().userObject();
            return result.isUsageHelpRequested() || command instanceof CommandGroup || command instanceof FilesOnly;
        } catch (picocli.CommandLine.ParameterException e) {
            return true;
        }
    }

    /** Builds commands without their services, for help and usage errors: they never run. */
    private static final class UsageOnlyFactory implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            java.lang.reflect.Constructor<?>[] constructors = type.getDeclaredConstructors();
            if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
                return picocli.CommandLine.defaultFactory().create(type);
            }
            constructors[0].setAccessible(true);
            return type.cast(constructors[0].newInstance(new Object[constructors[0].getParameterCount()]));
        }
    }

    private record SpringFactory(ConfigurableApplicationContext context) implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return context.getAutowireCapableBeanFactory().createBean(type);
            } catch (Exception e) {
                // Picocli builds every command; those whose services this context lacks never run.
                return new UsageOnlyFactory().create(type);
            }
        }
    }
}
