package dev.atrium.plugins.education;

import dev.atrium.sdk.NotFoundException;
import dev.atrium.sdk.PluginStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a teacher sees of the tutoring sessions (of the tenant, since storage is per tenant): per session the
 * learner, the problem, solved or revealed, attempts, hints used, replies the guard rewrote, flags and the whole
 * transcript with each reply's move.
 */
final class TeacherView {

    private TeacherView() {
    }

    /**
     * One session (by id) or, for an empty id, every session, newest first.
     *
     * @param viewer the learner asking, whose own sessions are all they see; {@code null} for a teacher,
     *               who sees everyone's
     */
    static Map<String, Object> of(String sessionId, PluginStorage storage, String viewer) {
        TutorSessions store = new TutorSessions(storage);
        List<TutorSession> sessions = new ArrayList<>();
        if (sessionId == null || sessionId.isBlank()) {
            store.all().stream().filter(s -> Tutors.mayRead(s, viewer)).forEach(sessions::add);
            sessions.sort(Comparator.comparing((TutorSession s) -> s.created == null ? "" : s.created).reversed());
        } else {
            sessions.add(store.load(sessionId.strip()).filter(s -> Tutors.mayRead(s, viewer))
                    .orElseThrow(() -> new NotFoundException("no tutoring session '" + sessionId.strip() + "'")));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (TutorSession s : sessions) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("session", s.id);
            view.put("learner", s.learner);
            view.put("created", s.created);
            view.put("subject", s.subject);
            view.put("level", s.level);
            view.put("language", s.language);
            view.put("problem", s.problem);
            view.put("reference", s.reference);
            view.put("solved", s.solved);
            view.put("revealed", s.revealed);
            view.put("attempts", s.attempts);
            view.put("hintsUsed", s.hintsUsed);
            view.put("stepsFound", s.done.size() + "/" + s.steps.size());
            view.put("leaksBlocked", s.leaksBlocked);
            view.put("flags", s.flags.stream().map(f -> Map.of("kind", f.kind, "message", f.message,
                    "turn", f.turn, "at", f.at)).toList());
            view.put("transcript", s.transcript.stream().map(t -> {
                Map<String, Object> turn = new LinkedHashMap<>();
                turn.put("role", t.role);
                turn.put("text", t.text);
                if (t.move != null) {
                    turn.put("move", t.move);
                }
                turn.put("at", t.at);
                return turn;
            }).toList());
            out.add(view);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sessions", out);
        result.put("engine", "embedded");
        return result;
    }
}
