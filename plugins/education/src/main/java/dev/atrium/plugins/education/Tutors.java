package dev.atrium.plugins.education;

import java.util.Set;

/**
 * Who may see which tutoring sessions. Teachers are the tenant's administrators and auditors: they see every
 * learner's sessions. A learner (any other caller) sees and continues only their own; someone else's session
 * is answered as not found, so its existence is not given away either.
 */
final class Tutors {

    private static final Set<String> TEACHER_ROLES = Set.of("admin", "auditor");

    private Tutors() {
    }

    /** Whether the caller with these roles teaches (sees every session). */
    static boolean isTeacher(Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(TEACHER_ROLES::contains);
    }

    /**
     * Whether the viewer may read the session.
     *
     * @param viewer the learner's user id, or {@code null} for a teacher
     */
    static boolean mayRead(TutorSession session, String viewer) {
        return viewer == null || viewer.equals(session.learner);
    }
}
