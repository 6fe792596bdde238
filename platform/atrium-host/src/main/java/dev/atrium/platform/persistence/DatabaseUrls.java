package dev.atrium.platform.persistence;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database the host uses, as an R2DBC URL for the runtime and the equivalent JDBC URL for Flyway's
 * migrations, so an operator configures one URL ({@code spring.r2dbc.url}) and never two.
 */
public final class DatabaseUrls {

    // r2dbc:[pool:]driver:rest — the pool prefix is R2DBC's, JDBC has no equivalent.
    private static final Pattern R2DBC = Pattern.compile("^r2dbc:(?:pool:)?([a-z0-9]+):(.*)$");

    private DatabaseUrls() {
    }

    /** The embedded default's file (without H2's extension): {@code db/atrium} under the data home. */
    public static String embeddedFile(Path home) {
        return home.toAbsolutePath().normalize().resolve("db").resolve("atrium").toString().replace('\\', '/');
    }

    /** The JDBC URL of the embedded default. */
    public static String embeddedJdbc(Path home) {
        return "jdbc:h2:file:" + embeddedFile(home) + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The JDBC URL for an R2DBC URL: {@code r2dbc:postgresql://h:5432/db?x=y} becomes
     * {@code jdbc:postgresql://h:5432/db?x=y}; H2's {@code file///path} and {@code mem:///name} forms become
     * {@code jdbc:h2:file:/path} and {@code jdbc:h2:mem:name}.
     *
     * @throws IllegalArgumentException for a URL that is not R2DBC
     */
    public static String jdbcFor(String r2dbcUrl) {
        Matcher m = R2DBC.matcher(r2dbcUrl.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an R2DBC URL: " + r2dbcUrl);
        }
        String driver = m.group(1);
        String rest = m.group(2);
        if (!driver.equals("h2")) {
            return "jdbc:" + driver + ":" + rest;
        }
        String options = "";
        int query = rest.indexOf('?');
        if (query >= 0) {
            options = ";" + rest.substring(query + 1).replace('&', ';');
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:///")) {
            return "jdbc:h2:file:/" + rest.substring("file:///".length()) + options;
        }
        if (rest.startsWith("mem:///")) {
            return "jdbc:h2:mem:" + rest.substring("mem:///".length()) + options;
        }
        if (rest.startsWith("file///")) {
            return "jdbc:h2:file:/" + rest.substring("file///".length()) + options;
        }
        if (rest.startsWith("file//")) {
            return "jdbc:h2:file:" + rest.substring("file//".length()) + options;
        }
        return "jdbc:h2:" + rest + options;
    }
}
