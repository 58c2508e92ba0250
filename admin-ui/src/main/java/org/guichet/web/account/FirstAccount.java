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
 * {@code <home>/initial-admin-password}. The password itself is never logged.
 */
@Component
@ConditionalOnRole(Role.WEB)
class FirstAccount implements ApplicationRunner {

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
        String password = accounts.create("admin", EnumSet.allOf(WebRole.class));
        Path file = home.resolve("initial-admin-password");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        log.warn("created web account 'admin'; its password is in {} (change it, then delete the file)", file);
    }
}
