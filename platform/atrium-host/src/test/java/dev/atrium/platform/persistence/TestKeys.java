package dev.atrium.platform.persistence;

import dev.atrium.platform.security.InitialAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The administrator key a platform wrote to its data home on first start. */
public final class TestKeys {

    private TestKeys() {
    }

    public static String admin(Path home) {
        try {
            return Files.readString(home.resolve(InitialAdmin.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
