package dev.atrium.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.CapabilityNotGrantedException;
import dev.atrium.sdk.QuotaExceededException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePluginStorageTest {

    @TempDir
    Path folder;

    @Test
    void writesBeyondTheGrantedAllowanceAreRefusedAndChangeNothing() {
        FilePluginStorage storage = new FilePluginStorage(folder, 100);
        storage.put("a", new byte[60]);
        storage.put("a", new byte[90]); // replacing counts the new size, not both
        assertThatThrownBy(() -> storage.put("b", new byte[20])).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("100 bytes");
        assertThat(storage.keys("")).containsExactly("a");
        assertThat(storage.get("a")).get().extracting(b -> b.length).isEqualTo(90);
        storage.delete("a");
        storage.put("b", new byte[100]);
    }

    @Test
    void aPluginWithoutTheStorageGrantCannotWriteAtAll() {
        FilePluginStorage storage = new FilePluginStorage(folder, 0);
        assertThatThrownBy(() -> storage.put("k", new byte[1])).isInstanceOf(CapabilityNotGrantedException.class);
        assertThat(storage.get("k")).isEmpty();
    }
}
