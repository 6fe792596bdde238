package dev.atrium.platform.security;

import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.config.AtriumProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user yet), creates the {@code admin} user of the default tenant and an API key
 * for it, written to {@code $ATRIUM_HOME/initial-admin-key} readable by the owner only. The console says
 * where the file is, never what is in it — as Jenkins does with its initial admin password. The same
 * secret is the admin's first portal password.
 */
@Component
public class InitialAdmin {

    /** The key file's name under the data home. */
    public static final String FILE = "initial-admin-key";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    public InitialAdmin(Users users, ApiKeys keys, AuditLog audit, AtriumProperties properties,
                        SecuritySettings settings) {
        if (!settings.enabled() || Boolean.TRUE.equals(users.any().block(Duration.ofSeconds(30)))) {
            return;
        }
        Path file = properties.home().resolve(FILE);
        Map<String, Object> admin = users.create(Tenants.DEFAULT, "admin", "Administrator", null, Role.ADMIN)
                .block(Duration.ofSeconds(30));
        String adminId = (String) admin.get("id");
        ApiKeys.Created key = keys.create(Tenants.DEFAULT, adminId, "initial-admin", Role.ADMIN, null)
                .block(Duration.ofSeconds(30));
        users.update(Tenants.DEFAULT, adminId, key.key(), null, null).block(Duration.ofSeconds(30));
        write(file, key.key());
        audit.record(new AuditLog.Entry(Tenants.DEFAULT, "system", "user.create", "admin", "success", null,
                "initial administrator"));
        log.warn("""

                ************************************************************************
                  First start: an administrator was created.
                  Its API key (also the password of user 'admin') is in
                    {}
                  Send it as 'Authorization: Bearer <key>', or sign in at /login.
                ************************************************************************""", file);
    }

    private static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("cannot create " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin key to " + file, e);
        }
    }
}
