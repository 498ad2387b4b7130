package dev.bellows.cli;

import java.io.Console;

/** Whether standard output is a terminal, as colours need to know. */
final class Terminal {

    private Terminal() {
    }

    /**
     * The launcher tests its standard output ({@code [ -t 1 ]}) and passes {@code -Dbellows.terminal=true|false};
     * run otherwise (java -jar), the JVM's console decides: on JDK 22+ {@code System.console()} exists even
     * when output is piped, so its {@code isTerminal()} is asked when present.
     */
    static boolean stdoutIsTerminal() {
        String told = System.getProperty("bellows.terminal");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only when both standard input and output are terminals
        }
    }
}
