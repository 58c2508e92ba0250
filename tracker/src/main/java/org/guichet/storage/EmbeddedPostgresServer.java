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

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, FileChannel lockChannel) {
        this.postgres = postgres;
        this.port = port;
        this.lockChannel = lockChannel;
    }

    public static EmbeddedPostgresServer start(Path home, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(home);
            Path dataDirectory = home.resolve("postgres");
            FileChannel channel = FileChannel.open(home.resolve("guichet.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return attachToRunning(home, dataDirectory, properties);
            }
            stopStalePostmaster(dataDirectory);
            Files.createDirectories(home.resolve("logs"));
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
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("logs/postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("logs/postgres.log").toFile()))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort(), channel);
            server.createDatabaseIfMissing();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {}", server.port, dataDirectory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + home, e);
        }
    }

    private static EmbeddedPostgresServer attachToRunning(Path home, Path dataDirectory,
            EmbeddedDatabaseProperties properties) throws IOException {
        Optional<PostmasterPid> running = PostmasterPid.read(dataDirectory).filter(PostmasterPid::alive);
        if (!properties.attach() || running.isEmpty()) {
            throw new IllegalStateException("Another Guichet process is using " + home
                    + " (guichet.lock is held). Stop it, or set guichet.home to another folder.");
        }
        log.info("using the embedded PostgreSQL of the running Guichet on port {}", running.get().port());
        return new EmbeddedPostgresServer(null, running.get().port(), null);
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
            throw new IllegalStateException("Cannot create the database '" + DATABASE + "'", e);
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
