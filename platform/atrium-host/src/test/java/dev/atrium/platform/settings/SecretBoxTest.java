package dev.atrium.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path home;

    @Test
    void sealsWithAFreshNonceAndOpensOnlyForTheSameSettingAndKey() throws Exception {
        SecretBox box = new SecretBox(SecretBox.loadKey(null, home.resolve("secret.key")));
        String a = box.seal("hunter2", "default/office/apiKey");
        String b = box.seal("hunter2", "default/office/apiKey");
        assertThat(a).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(b);
        assertThat(box.open(a, "default/office/apiKey")).isEqualTo("hunter2");

        assertThatThrownBy(() -> box.open(a, "acme/office/apiKey")).isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(a.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open(tampered, "default/office/apiKey")).isInstanceOf(IllegalStateException.class);

        SecretBox otherKey = new SecretBox(SecretBox.loadKey(null, home.resolve("other.key")));
        assertThatThrownBy(() -> otherKey.open(a, "default/office/apiKey")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGeneratedKeyFileIsTheOwnersAloneAndIsReusedOnTheNextStart() throws Exception {
        Path file = home.resolve("secret.key");
        SecretBox first = new SecretBox(SecretBox.loadKey(null, file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal("kept", "t/p/n");
        SecretBox second = new SecretBox(SecretBox.loadKey(null, file));
        assertThat(second.open(sealed, "t/p/n")).isEqualTo("kept");

        String fromEnv = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox env = new SecretBox(SecretBox.loadKey(fromEnv, home.resolve("unused.key")));
        assertThat(env.open(env.seal("x", "c"), "c")).isEqualTo("x");
        assertThat(Files.exists(home.resolve("unused.key"))).isFalse();
    }
}
