package org.guichet.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL started by Guichet, its data kept in {@code <home>/postgres} across
 * restarts. Durability is switched back on ({@code fsync}, {@code synchronous_commit}):
 * the library defaults are for throwaway test databases, and a spool acknowledged with
 * 250 must survive a crash (RFC 5321 §6.1).
 *
 * <p>A Guichet killed with SIGKILL leaves its postmaster running (it is daemonised by
 * {@code pg_ctl}); the next start on the same home finds it through {@code postmaster.pid},
 * stops it cleanly and starts its own. A second process on a live home either refuses to
 * start or, when {@code attach} is set (the CLI), uses the running server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "guichet";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final FileChannel lockChannel;
    private final Path temporaryFolder;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, FileChannel lockChannel, Path temporaryFolder) {
        this.postgres = postgres;
        this.port = port;
        this.lockChannel = lockChannel;
        this.temporaryFolder = temporaryFolder;
    }

    public static EmbeddedPostgresServer start(Path home, EmbeddedDatabaseProperties properties) {
        Path dataDirectory = home.resolve("postgres");
        Path logFile = home.resolve("logs/postgres.log");
        FileChannel channel;
        FileLock lock;
        try {
            Files.createDirectories(home.resolve("logs"));
            channel = FileChannel.open(home.resolve("guichet.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return attachToRunning(home, dataDirectory, properties);
            }
            if (properties.throwaway()) {
                channel.close();
                return startThrowaway(properties);
            }
            stopStalePostmaster(dataDirectory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(home, null, "cannot prepare " + dataDirectory + ": " + e.getMessage(), e);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port() == 0 ? 0 : properties.port())
                    .setPGStartupWait(properties.startupWait())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort(), channel, null);
            server.createDatabaseIfMissing();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {}", server.port, dataDirectory);
            return server;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException(home, logFile, "PostgreSQL did not start with data in " + dataDirectory
                    + ": " + lastLines(logFile, e), e);
        }
    }

    /** What PostgreSQL itself said last: the reason a person can act on (version, permissions, disk). */
    private static String lastLines(Path logFile, Exception e) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            List<String> said = lines.stream().filter(line -> line.contains("FATAL") || line.contains("ERROR")
                    || line.contains("DETAIL") || line.contains("HINT")).toList();
            List<String> tail = said.isEmpty() ? lines : said;
            return tail.isEmpty() ? String.valueOf(e.getMessage())
                    : String.join(" / ", tail.subList(Math.max(0, tail.size() - 3), tail.size())).strip();
        } catch (IOException unreadable) {
            return String.valueOf(e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    private static EmbeddedPostgresServer attachToRunning(Path home, Path dataDirectory,
            EmbeddedDatabaseProperties properties) throws IOException {
        Optional<PostmasterPid> running = PostmasterPid.read(dataDirectory).filter(PostmasterPid::alive);
        if (!properties.attach() || running.isEmpty()) {
            throw new EmbeddedDatabaseException(home, null, "another Guichet process is using " + home
                    + " (guichet.lock is held)", null);
        }
        log.info("using the embedded PostgreSQL of the running Guichet on port {}", running.get().port());
        return new EmbeddedPostgresServer(null, running.get().port(), null, null);
    }

    /** A database for one dry run: durability off (nothing in it outlives the process), folder removed at close. */
    private static EmbeddedPostgresServer startThrowaway(EmbeddedDatabaseProperties properties) throws IOException {
        Path folder = Files.createTempDirectory("guichet-dry-run-");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder.resolve("postgres"))
                    .setPGStartupWait(properties.startupWait())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort(), null, folder);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(folder);
            throw new EmbeddedDatabaseException(null, null, "a temporary PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove the temporary folder {}: {}", folder, e.getMessage());
        }
    }

    /** A postmaster left by a killed Guichet: ask it for a smart shutdown and wait. */
    private static void stopStalePostmaster(Path dataDirectory) throws IOException {
        Optional<PostmasterPid> stale = PostmasterPid.read(dataDirectory);
        if (stale.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(stale.get().pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        log.warn("stopping the PostgreSQL (pid {}) left running by a previous Guichet on {}",
                stale.get().pid(), dataDirectory);
        process.get().destroy();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the stale PostgreSQL", e);
            }
        }
        if (process.get().isAlive()) {
            throw new IOException("PostgreSQL pid " + stale.get().pid() + " did not stop within 60 s");
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(null, null, "cannot create the database '" + DATABASE + "': "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(USER);
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        }
        if (lockChannel != null) {
            lockChannel.close();
        }
        if (temporaryFolder != null) {
            deleteRecursively(temporaryFolder);
        }
    }

    /** The first lines of PostgreSQL's {@code postmaster.pid}: pid, data directory, start time, port. */
    record PostmasterPid(long pid, int port) {

        static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
            Path file = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()),
                        Integer.parseInt(lines.get(3).trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }
}
