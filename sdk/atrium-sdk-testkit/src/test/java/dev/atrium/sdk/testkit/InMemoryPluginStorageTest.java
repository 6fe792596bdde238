package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryPluginStorageTest {

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage();

    @Test
    void storedValueIsReadBackAndReplaced() {
        storage.putText("session/1", "first");
        storage.putText("session/1", "第二");

        assertThat(storage.getText("session/1")).contains("第二");
        assertThat(storage.size()).isEqualTo(1);
    }

    @Test
    void missingKeyHasNoValueAndDeletingItDoesNothing() {
        storage.delete("nothing");

        assertThat(storage.get("nothing")).isEmpty();
    }

    @Test
    void deletedValueIsGone() {
        storage.putText("a", "1");
        storage.delete("a");

        assertThat(storage.get("a")).isEmpty();
        assertThat(storage.keys("")).isEmpty();
    }

    @Test
    void keysWithAPrefixAreListedSorted() {
        storage.putText("session/b", "");
        storage.putText("other", "");
        storage.putText("session/a", "");

        assertThat(storage.keys("session/")).containsExactly("session/a", "session/b");
        assertThat(storage.keys("")).containsExactly("other", "session/a", "session/b");
    }

    @Test
    void valuesAreCopiedInAndOut() {
        byte[] value = {1, 2};
        storage.put("k", value);
        value[0] = 9;
        storage.get("k").orElseThrow()[1] = 9;

        assertThat(storage.get("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
    }

    @Test
    void keysOutsideTheDocumentedAlphabetAreRejected() {
        assertThatThrownBy(() -> storage.putText("has space", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.putText("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.get("键")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.putText("k".repeat(257), "x")).isInstanceOf(IllegalArgumentException.class);

        storage.putText("A-z_0.9/x", "ok");
        assertThat(storage.getText("A-z_0.9/x")).contains("ok");
    }
}
