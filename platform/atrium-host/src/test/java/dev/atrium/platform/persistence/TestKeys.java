package dev.atrium.platform.persistence;

import dev.atrium.platform.security.InitialAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The administrator key a platform wrote to its data home on first start. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A client of the platform on this port that calls as that administrator, waiting at most this long. */
    public static WebTestClient adminClient(int port, Path home, Duration timeout) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + admin(home)).responseTimeout(timeout).build();
    }

    public static String admin(Path home) {
        try {
            return Files.readString(home.resolve(InitialAdmin.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
