package io.cloudsword.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's src/main/resources/application.properties: what it reads, per profile, and the
 * environment variable names that reach those properties.
 *
 * <p>The mapping is MicroProfile Config's (SmallRye): a property {@code cloudsword.db.host} is read
 * from the environment variable {@code CLOUDSWORD_DB_HOST}, i.e. every character that is not a
 * letter or digit becomes {@code _} and the rest is upper-cased. Read backwards: lower-case the
 * variable and turn each {@code _} into {@code .} or {@code -}. {@code CLOUDSWORD_BRAND_REGISTRY_HOST}
 * reaches {@code cloudsword.brand-registry.host}; {@code QUARKUS_HTTP_PORT} reaches {@code quarkus.http.port}.
 */
final class AppProperties {

    private static final Pattern PROFILE = Pattern.compile("^%([^.]+)\\.(.+)$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");

    final String module;
    /** Keys without a profile prefix, and per profile the keys that profile overrides. */
    private final Map<String, String> common = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();

    private AppProperties(String module, Properties raw) {
        this.module = module;
        for (String key : raw.stringPropertyNames()) {
            Matcher m = PROFILE.matcher(key);
            if (m.matches()) {
                profiles.computeIfAbsent(m.group(1), p -> new LinkedHashMap<>()).put(m.group(2), raw.getProperty(key));
            } else {
                common.put(key, raw.getProperty(key));
            }
        }
    }

    static AppProperties of(String module) {
        Path file = Manifests.repoRoot().resolve(module).resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new AppProperties(module, raw);
    }

    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    boolean hasProfile(String profile) {
        return profiles.containsKey(profile);
    }

    /** The properties in force for a profile: the common ones, overridden by that profile's. */
    Map<String, String> effective(String profile) {
        Map<String, String> result = new LinkedHashMap<>(common);
        result.putAll(profiles.getOrDefault(profile, Map.of()));
        return result;
    }

    String value(String profile, String key) {
        return effective(profile).get(key);
    }

    /** Every property this module reads in any profile: keys, and names referenced as ${name}. */
    Set<String> readProperties() {
        Set<String> read = new TreeSet<>(common.keySet());
        profiles.values().forEach(p -> read.addAll(p.keySet()));
        for (String value : allValues()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        return read;
    }

    private Iterable<String> allValues() {
        java.util.List<String> values = new java.util.ArrayList<>(common.values());
        profiles.values().forEach(p -> values.addAll(p.values()));
        return values;
    }

    /** The property an environment variable reaches, or null when this module reads none by that name. */
    String propertyFor(String envVar) {
        return readProperties().stream().filter(p -> envName(p).equals(envVar)).findFirst().orElse(null);
    }

    /**
     * Properties the deployment must set for this profile: those referenced as {@code ${name}}
     * with no default and not defined in the file (the service would not start without them), and
     * the addresses and credentials of what it connects to ({@code cloudsword.db.*},
     * {@code cloudsword.<x>.host} and {@code .port}), whose file defaults are the local run's
     * (localhost, user postgres) and wrong on a cluster.
     */
    Set<String> mustBeSet(String profile) {
        Map<String, String> effective = effective(profile);
        Set<String> required = new TreeSet<>();
        for (String value : effective.values()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                if (m.group(2) == null && !effective.containsKey(m.group(1))) {
                    required.add(m.group(1));
                }
            }
        }
        for (String key : readPropertiesIn(effective)) {
            if (key.matches("cloudsword\\.db\\.(host|port|user|password|name)")
                    || key.matches("cloudsword\\.[a-z0-9-]+\\.(host|port)")) {
                required.add(key);
            }
        }
        return required;
    }

    private static Set<String> readPropertiesIn(Map<String, String> effective) {
        Set<String> keys = new TreeSet<>(effective.keySet());
        for (String value : effective.values()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }
}
