package dev.atrium.plugins.education;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.PluginStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** Tutoring sessions kept as JSON in the plugin storage (per tenant), under {@code tutor/session/<id>}. */
final class TutorSessions {

    static final String KEY_PREFIX = "tutor/session/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PluginStorage storage;

    TutorSessions(PluginStorage storage) {
        this.storage = storage;
    }

    /** The session with this id; a malformed id is bad input naming {@code session}. */
    Optional<TutorSession> load(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new BadInputException("session", "'" + id + "' is not a session id");
        }
        return storage.getText(KEY_PREFIX + id).map(json -> JSON.readValue(json, TutorSession.class));
    }

    void save(TutorSession session) {
        storage.putText(KEY_PREFIX + session.id, JSON.writeValueAsString(session));
    }

    List<TutorSession> all() {
        List<TutorSession> sessions = new ArrayList<>();
        for (String key : storage.keys(KEY_PREFIX)) {
            storage.getText(key).map(json -> JSON.readValue(json, TutorSession.class)).ifPresent(sessions::add);
        }
        return sessions;
    }
}
