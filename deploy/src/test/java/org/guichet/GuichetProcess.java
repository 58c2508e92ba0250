package org.guichet;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Guichet in a JVM of its own, started from the test class path, so a test can SIGKILL it. */
public final class GuichetProcess {

    private final Process process;

    private GuichetProcess(Process process) {
        this.process = process;
    }

    public static GuichetProcess start(Path log, String... settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.guichet.Guichet");
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new GuichetProcess(process);
    }

    /** SIGKILL: no shutdown hook, no clean stop of PostgreSQL, as after a power cut of the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself, as after a failed start; its exit code. */
    public int exitCode(java.time.Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Guichet still running after " + within);
        }
        return process.exitValue();
    }
}
