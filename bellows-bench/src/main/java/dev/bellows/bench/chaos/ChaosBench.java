package dev.bellows.bench.chaos;

import dev.bellows.bench.scenario.Target;
import dev.bellows.db.ConnectionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos suite at full size: on PostgreSQL the bookshop example, on MariaDB the suite's own tree;
 * {@code --trials N} SIGKILLs at moments spread over the last 70% of a clean run (its first part is
 * mostly the JVM starting), then on PostgreSQL terminated sessions, server restarts, four migrators at
 * once and a long snapshot during the concurrent index builds ({@code --special N} of each). Prints every figure and every failure; exits 1 on a failure.
 *
 * <pre>java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.chaos.ChaosBench --trials 100</pre>
 */
public final class ChaosBench {

    public static void main(String[] args) throws Exception {
        int trials = 100;
        int special = 5;
        long seed = 16;
        String database = "both";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--special" -> special = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--database" -> database = args[++i];
                default -> {
                    System.err.println("usage: ChaosBench [--trials N] [--special N] [--seed S] "
                            + "[--database postgresql|mariadb|both]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("bellows-chaos");
        Path bookshop = Path.of("examples", "bookshop", "db", "migrations");
        if (!Files.isDirectory(bookshop)) {
            bookshop = Path.of("..").resolve(bookshop);
        }
        System.out.printf("chaos %s UTC, seed %d, load average %s%n", Instant.now(), seed, load());
        List<Chaos.Result> results = new ArrayList<>();
        if (!database.equals("mariadb")) {
            try (Target.Server server = Target.POSTGRESQL.start()) {
                results.add(postgres(server, bookshop, work, trials, special, seed));
            }
        }
        if (!database.equals("postgresql")) {
            try (Target.Server server = Target.MARIADB.start()) {
                Path tree = Chaos.writeMariadbTree(work.resolve("mariadb-tree"));
                results.add(sigkills(chaos(server, tree, work, seed), server.version(), tree, trials));
            }
        }
        System.out.printf("load average at the end %s%n", load());
        long failures = results.stream().mapToLong(r -> r.failures().size()).sum();
        System.exit(failures == 0 ? 0 : 1);
    }

    static Chaos.Result postgres(Target.Server server, Path bookshop, Path work, int trials, int special, long seed)
            throws Exception {
        Chaos chaos = chaos(server, bookshop, work, seed);
        Chaos.Result kills = sigkills(chaos, server.version(), bookshop, trials);
        List<Chaos.Trial> more = new ArrayList<>(kills.trials());
        try (RestartablePostgres restartable = new RestartablePostgres(work.resolve("restartable"))) {
            for (int i = 0; i < special; i++) {
                more.add(chaos.terminate());
                more.add(chaos.restart(restartable, "restart_" + i));
                more.add(chaos.fourAtOnce());
                more.add(chaos.longTransaction(3_000));
            }
        }
        Chaos.Result all = new Chaos.Result(kills.database(), kills.cleanMs(), more);
        for (String kind : List.of("terminate", "restart", "four at once", "long transaction")) {
            List<Chaos.Trial> of = more.stream().filter(t -> t.kind().equals(kind)).toList();
            boolean aimed = kind.equals("terminate") || kind.equals("restart");
            System.out.printf(Locale.ROOT, "  %-17s %d trials,%s %d failures%n", kind + ":", of.size(),
                    aimed ? " " + of.stream().filter(Chaos.Trial::landed).count() + " hit a running migrator," : "",
                    of.stream().filter(Chaos.Trial::failed).count());
        }
        printFailures(all.trials().subList(kills.trials().size(), more.size()));
        return all;
    }

    static Chaos.Result sigkills(Chaos chaos, String name, Path location, int trials) throws Exception {
        long cleanMs = chaos.clean();
        List<Chaos.Trial> done = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            done.add(chaos.sigkill(0.3, 1.0));
        }
        Chaos.Result r = new Chaos.Result(name, cleanMs, done);
        System.out.printf(Locale.ROOT, "%s, %s: a clean upgrade --all-phases took %d ms (its own JVM)%n",
                name, location, cleanMs);
        System.out.printf(Locale.ROOT, "  sigkill:          %d trials, %d kills left the database mid-run, %d failures%n",
                trials, r.landed(), r.failures().size());
        StringBuilder phases = new StringBuilder("  where the kills landed:");
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(r.byPhase()).entrySet()) {
            phases.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(',');
        }
        System.out.println(phases.substring(0, phases.length() - 1));
        printFailures(done);
        return r;
    }

    private static Chaos chaos(Target.Server server, Path location, Path work, long seed) {
        AtomicInteger n = new AtomicInteger();
        return new Chaos(location, work, () -> server.create("chaos_" + n.incrementAndGet()), seed);
    }

    private static void printFailures(List<Chaos.Trial> trials) {
        for (Chaos.Trial t : trials) {
            if (t.failed()) {
                System.out.printf("  FAILED %s after %d ms (%s): %s%n", t.kind(), t.delayMs(), t.phase(), t.failure());
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private ChaosBench() {
    }
}
