package org.guichet.web.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

import org.guichet.node.ConditionalOnRole;
import org.guichet.node.HomeFolder;
import org.guichet.node.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the very first start there is nobody to sign in: an {@code admin} account with every
 * role is created and its password written, readable by the owner only, to
 * {@code <home>/initial-admin-password}. The password itself is never logged. The account
 * must choose its own password at its first sign-in, which removes the file.
 */
@Component
@ConditionalOnRole(Role.WEB)
class FirstAccount implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAccount.class);

    private final AccountService accounts;
    private final Path home;

    FirstAccount(AccountService accounts, HomeFolder home) {
        this.accounts = accounts;
        this.home = home.path();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.any()) {
            return;
        }
        String password = accounts.create(USERNAME, EnumSet.allOf(WebRole.class));
        accounts.requirePasswordChange(USERNAME);
        Path file = file(home);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        log.warn("created web account 'admin'; its password is in {}: sign in to choose your own, which removes"
                + " the file", file);
    }

    /** Where the first administrator's password waits until it is changed. */
    static Path file(Path home) {
        return home.resolve("initial-admin-password");
    }
}
