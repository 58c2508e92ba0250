package org.guichet.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of the README's Quick start, read from the README itself so that the tests
 * run exactly what a newcomer types: the first starts Guichet, the second runs the tests.
 */
record ReadmeCommands(String run, String test) {

    static ReadmeCommands of(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int section = lines.indexOf("## Quick start");
        if (section < 0) {
            throw new IllegalStateException(readme + " has no '## Quick start' section");
        }
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("```")) {
                if (inBlock) {
                    break;
                }
                inBlock = true;
                continue;
            }
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            if (inBlock && !command.isEmpty()) {
                commands.add(command);
            }
        }
        if (commands.size() != 2) {
            throw new IllegalStateException("the Quick start of " + readme + " should hold exactly two commands, found "
                    + commands);
        }
        return new ReadmeCommands(commands.get(0), commands.get(1));
    }
}
