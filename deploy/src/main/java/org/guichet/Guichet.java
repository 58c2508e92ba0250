package org.guichet;

import java.util.Arrays;

import org.guichet.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Guichet: every role and every command in one jar. Without a command (or with {@code run})
 * it starts the roles listed in {@code guichet.node.roles}; otherwise the first argument names a
 * command ({@code queue}, {@code submitter}, {@code account}) run against the same database.
 */
@SpringBootApplication
public class Guichet {

    public static void main(String[] args) {
        if (args.length > 0 && CommandLine.isCommand(args[0])) {
            System.exit(CommandLine.run(args));
        }
        String[] serverArgs = args.length > 0 && args[0].equals("run") ? Arrays.copyOfRange(args, 1, args.length)
                : args;
        SpringApplication.run(Guichet.class, serverArgs);
    }
}
