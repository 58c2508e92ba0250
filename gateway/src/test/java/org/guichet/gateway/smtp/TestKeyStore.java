package org.guichet.gateway.smtp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A self-signed PKCS#12 key store made with the JDK's keytool, for STARTTLS tests. */
final class TestKeyStore {

    static final String PASSWORD = "changeit";

    private TestKeyStore() {
    }

    static Path create() {
        try {
            Path dir = Files.createTempDirectory("guichet-tls");
            Path store = dir.resolve("smtp.p12");
            Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=guichet.test", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test key store", e);
        }
    }
}
