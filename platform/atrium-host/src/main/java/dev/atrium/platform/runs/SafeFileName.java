package dev.atrium.platform.runs;

/** File names from clients and plugins, made safe to use as a single path segment and in headers. */
public final class SafeFileName {

    private static final int MAX_LENGTH = 120;

    private SafeFileName() {
    }

    /** Drops folders, replaces characters other than letters, digits and {@code . _ - space}, trims length. */
    public static String of(String name, String fallback) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_")
                .replaceAll("^[. ]+", "")
                .strip();
        if (base.length() > MAX_LENGTH) {
            base = base.substring(base.length() - MAX_LENGTH);
        }
        return base.isEmpty() ? fallback : base;
    }
}
