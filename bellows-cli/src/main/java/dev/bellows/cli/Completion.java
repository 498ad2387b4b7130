package dev.bellows.cli;

import picocli.AutoComplete;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the shell completion script for {@code bellows} (bash; zsh loads the same script through
 * bashcompinit). Run by the build: {@code Completion target/completion/bellows.bash}.
 */
public final class Completion {

    private Completion() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Completion OUTPUT_FILE");
        }
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        String script = AutoComplete.bash("bellows", BellowsCli.commandLine(nowhere, nowhere, Map.of()));
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, script, StandardCharsets.UTF_8);
    }
}
