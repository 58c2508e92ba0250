package org.guichet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One command that does something and exits with a status, printing results on the command
 * line's output and diagnostics on its error stream (picocli's, so tests and scripts see both).
 */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Says why the command cannot run as given; the status is that of a usage error. */
    int refused(String reason) {
        err().println("guichet: " + reason);
        return 2;
    }
}
