package dev.bellows;

/** Bad usage, configuration or migration files: exit code 2. Nothing has been applied. */
public class ConfigurationException extends BellowsException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
