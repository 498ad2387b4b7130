package dev.bellows.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bellows.ConfigurationException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code bellows.yaml} read into {@link Settings}' keys. Apart from {@link Settings} so that Jackson's classes are
 * loaded only when there is a file to read, not by every {@code bellows lint} (bellows-bench/README.md, "CLI
 * start-up").
 */
final class SettingsFile {

    private SettingsFile() {
    }

    /**
     * Reads {@code key: value} pairs, every value exactly as written: a password {@code 0123} stays
     * {@code 0123} (a YAML number would read 83), {@code yes} stays {@code yes}.
     */
    static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            if (t == null) {
                return Map.of();
            }
            if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new ConfigurationException(file + ": expected key: value pairs such as 'url: jdbc:postgresql://"
                        + "localhost/app'");
            }
            readPairs(p, file, "", out);
        } catch (JacksonException e) {
            // Only the parser's first line: the rest quotes the offending line, which may hold the password.
            String problem = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
            throw new ConfigurationException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid YAML (" + problem + "); the line is not shown, as "
                    + "it may hold a password. Write each setting as key: value, quoting values that contain ': ' "
                    + "or start with a special character ('p@ss: word').");
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read: " + e.getMessage());
        }
        return out;
    }

    /**
     * The {@code key: value} pairs of one mapping, up to its end; a nested mapping ({@code legacy:},
     * {@code placeholders:}) is read into keys with its name and a dot in front ({@code legacy.release},
     * {@code placeholders.mail_domain}).
     */
    private static void readPairs(com.fasterxml.jackson.core.JsonParser p, Path file, String prefix,
                                  Map<String, String> out) throws IOException {
        com.fasterxml.jackson.core.JsonToken t;
        while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            int line = p.currentLocation().getLineNr();
            boolean placeholder = prefix.endsWith("placeholders.");
            com.fasterxml.jackson.core.JsonToken v = p.nextToken();
            if (v == com.fasterxml.jackson.core.JsonToken.START_OBJECT && Settings.MAPS.contains(key)) {
                readPairs(p, file, key + ".", out);
                continue;
            }
            if (!placeholder && !Settings.KEYS.contains(key)) {
                java.util.TreeSet<String> known = new java.util.TreeSet<>(Settings.KEYS);
                known.addAll(Settings.MAPS);
                throw new ConfigurationException(file + ": line " + line + ": unknown key '" + key
                        + "'; known keys: " + String.join(", ", known));
            }
            if (v == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                    || v == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw new ConfigurationException(file + ": line " + line + ": '" + key + "' must be a single value");
            }
            out.put(key, v == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : p.getText());
        }
    }
}
