package dev.bellows.load;

import java.nio.file.Path;

/** Paths as users should see them: relative to the working directory when below it. */
public final class Paths {

    private Paths() {
    }

    public static String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        return abs.toString();
    }
}
