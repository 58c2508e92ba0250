package org.guichet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeFolderTest {

    @TempDir
    Path temp;

    @Test
    void defaultHomeIsDotGuichetInTheUsersHome() {
        NodeProperties node = new NodeProperties(null, Set.of(Role.WORKER), null, null);
        assertThat(node.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".guichet"));
        assertThat(node.home().toString()).doesNotContain("${");
    }

    @Test
    void missingHomeIsCreatedForItsOwnerOnly() throws Exception {
        HomeFolder home = HomeFolder.prepare(temp.resolve("a/b/.guichet"));
        assertThat(home.path()).isDirectory();
        assertThat(Files.getPosixFilePermissions(home.path())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.list(home.path())).as("the write check leaves nothing").isEmpty();
    }

    @Test
    void homeUnderAFileIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> HomeFolder.prepare(file.resolve("home")))
                .isInstanceOfSatisfying(HomeFolderException.class, e -> {
                    assertThat(e.home()).isEqualTo(file.resolve("home"));
                    assertThat(e.getMessage()).contains(file + " is a file, not a folder");
                });
    }
}
