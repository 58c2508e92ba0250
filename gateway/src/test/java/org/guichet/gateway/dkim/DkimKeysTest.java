package org.guichet.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.gateway.dkim.Signing.PLAIN;
import static org.guichet.gateway.dkim.Signing.mail;
import static org.guichet.gateway.dkim.Signing.relayed;
import static org.guichet.gateway.dkim.Signing.validSignatures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.mailet.Mail;
import org.guichet.node.HomeFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DkimKeysTest {

    @TempDir
    Path home;

    private DkimKeys load(boolean generate, String... settings) {
        Map<String, String> domains = new java.util.HashMap<>();
        for (int k = 0; k + 1 < settings.length; k += 2) {
            domains.put(settings[k], settings[k + 1]);
        }
        return DkimKeys.load(new DkimProperties(domains, generate), home, new SecureRandom());
    }

    @Test
    void aListedDomainWithoutKeyGetsAnOwnerOnlyKeyReusedAfterRestart() throws Exception {
        DkimKey first = load(true, "caf.fr.selector", "s2026").forDomain("caf.fr").orElseThrow();

        Path file = home.resolve("keys/dkim-caf.fr-s2026.pem");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(first.bits()).isEqualTo(2048);

        DkimKey afterRestart = load(true, "caf.fr.selector", "s2026").forDomain("CAF.FR").orElseThrow();
        assertThat(afterRestart.privateKey().getModulus()).isEqualTo(first.privateKey().getModulus());
        assertThat(afterRestart.txtValue()).isEqualTo(first.txtValue());
    }

    @Test
    void thePrintedDnsRecordIsTheOneThatVerifiesTheSignature() throws Exception {
        DkimKeys keys = load(true, "caf.fr.selector", "");
        DkimKey key = keys.forDomain("caf.fr").orElseThrow();
        String record = keys.dnsRecords().get(0);

        assertThat(record).startsWith("guichet._domainkey.caf.fr. IN TXT ( \"v=DKIM1; k=rsa; p=");
        Matcher strings = Pattern.compile("\"([^\"]*)\"").matcher(record);
        List<String> parts = new ArrayList<>();
        while (strings.find()) {
            parts.add(strings.group(1));
        }
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(255));

        Mail mail = mail(PLAIN);
        Signing.mailet(keys).service(mail);
        assertThat(validSignatures(relayed(mail), key, String.join("", parts))).hasSize(1);
        DkimKey other = new DkimKey("caf.fr", "guichet", Signing.newRsaKey());
        assertThat(validSignatures(relayed(mail), key, other.txtValue())).isEmpty();
    }

    @Test
    void aConfiguredKeyFileIsReadAsIs() {
        DkimKeyFile file = new DkimKeyFile(home.resolve("etc/caf.pem"));
        DkimKey written = file.generate("caf.fr", "ops", new SecureRandom());

        DkimKeys keys = load(false, "caf.fr.selector", "ops", "caf.fr.private-key", file.path().toString());

        assertThat(keys.forDomain("caf.fr").orElseThrow().privateKey().getModulus())
                .isEqualTo(written.privateKey().getModulus());
        assertThat(home.resolve("keys")).doesNotExist();
    }

    @Test
    void wrongSettingsStopTheLoadNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> load(false, "caf.fr.selector", "s1"))
                .hasMessageContaining("guichet.dkim.domains.caf.fr").hasMessageContaining("guichet.dkim.generate");
        assertThatThrownBy(() -> load(true, "caf.fr.private-key", home.resolve("missing.pem").toString()))
                .hasMessageContaining("guichet.dkim.domains.caf.fr").hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> load(true, "caf.fr.selector", "bad_selector"))
                .hasMessageContaining("guichet.dkim.domains.caf.fr.selector");
        assertThatThrownBy(() -> load(true, "caf.fr.selectr", "s1"))
                .hasMessageContaining("guichet.dkim.domains.caf.fr.selectr").hasMessageContaining("private-key");
        assertThatThrownBy(() -> load(true, "localhost.selector", "s1"))
                .hasMessageContaining("guichet.dkim.domains.localhost").hasMessageContaining("not a domain name");

        Path open = home.resolve("open.pem");
        new DkimKeyFile(open).generate("caf.fr", "s1", new SecureRandom());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> load(true, "caf.fr.private-key", open.toString()))
                .hasMessageContaining("readable by everyone").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> load(true, "caf.fr.private-key", open.toString()))
                .as("a key Guichet owns needs no group").hasMessageContaining("readable by the group")
                .hasMessageContaining("chmod 600");

        Path pkcs1 = home.resolve("pkcs1.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pkcs1, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> load(true, "caf.fr.private-key", pkcs1.toString()))
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8");
    }

    @Test
    void aKeyTooShortForRfc8301IsRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        var weak = (java.security.interfaces.RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();

        assertThatThrownBy(() -> new DkimKey("caf.fr", "s1", weak)).hasMessageContaining("RFC 8301");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(HomeFolder.class, () -> HomeFolder.prepare(home))
                .withUserConfiguration(DkimConfiguration.class);
    }

    @Test
    void domainsAreConfiguredByName() {
        runner().withPropertyValues("guichet.dkim.domains.caf.fr.selector=s2026",
                        "guichet.dkim.domains.urssaf.fr.private-key=" + home.resolve("etc/urssaf.pem"),
                        "guichet.dkim.domains[hérault.fr].selector=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context).getFailure().rootCause().hasMessageContaining("urssaf.pem");
                });
        new DkimKeyFile(home.resolve("etc/urssaf.pem")).generate("urssaf.fr", "guichet", new SecureRandom());
        runner().withPropertyValues("guichet.dkim.domains.caf.fr.selector=s2026",
                        "guichet.dkim.domains.urssaf.fr.private-key=" + home.resolve("etc/urssaf.pem"),
                        "guichet.dkim.domains[hérault.fr].selector=")
                .run(context -> {
                    DkimKeys keys = context.getBean(DkimKeys.class);
                    assertThat(keys.forDomain("caf.fr").orElseThrow().selector()).isEqualTo("s2026");
                    assertThat(keys.forDomain("urssaf.fr").orElseThrow().selector()).isEqualTo("guichet");
                    assertThat(keys.forDomain("hérault.fr").orElseThrow().domain()).isEqualTo("xn--hrault-bva.fr");
                    assertThat(home.resolve("keys/dkim-caf.fr-s2026.pem")).exists();
                    assertThat(home.resolve("keys/dkim-xn--hrault-bva.fr-guichet.pem")).exists();
                    assertThat(home.resolve("keys/dkim-urssaf.fr-guichet.pem")).doesNotExist();
                });
    }

    @Test
    void withoutDomainsNothingIsSignedNorGenerated() {
        runner().run(context -> {
            assertThat(context.getBean(DkimKeys.class).isEmpty()).isTrue();
            assertThat(home.resolve("keys")).doesNotExist();
        });
    }
}
