package dev.atrium.platform.problem;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.SkillException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Turns errors into RFC 9457 problem documents with a stable {@code type}. Skill errors map by their
 * code; anything unexpected becomes a generic 500 whose detail never includes a stack trace.
 */
public final class Problems {

    /** Base of every problem type URI; the code is appended. */
    public static final String TYPE_BASE = "https://atrium.dev/problems/";

    private Problems() {
    }

    /** The problem for any error. */
    public static Map<String, Object> of(Throwable error) {
        if (error instanceof ProblemException problem) {
            Map<String, Object> body = body(problem.status(), problem.code(), problem.title(), problem.getMessage());
            // Extension members never replace the standard ones.
            problem.properties().forEach(body::putIfAbsent);
            return body;
        }
        if (error instanceof SkillException skill) {
            Map<String, Object> body = body(statusOf(skill), skill.code(), titleOf(skill.code()), skill.getMessage());
            if (skill instanceof BadInputException bad) {
                bad.input().ifPresent(input -> body.put("input", input));
            }
            return body;
        }
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "an unexpected error occurred (" + error.getClass().getSimpleName() + ")");
    }

    /** A problem document. */
    public static Map<String, Object> body(HttpStatus status, String code, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail == null ? title : detail);
        body.put("code", code);
        return body;
    }

    /** The HTTP status a skill error maps to. */
    public static HttpStatus statusOf(SkillException error) {
        return switch (error.code()) {
            case "bad-input" -> HttpStatus.BAD_REQUEST;
            case "unsupported-media" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case "capability-unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "capability-not-granted" -> HttpStatus.FORBIDDEN;
            case "quota-exceeded" -> HttpStatus.INSUFFICIENT_STORAGE;
            case "provider-error" -> HttpStatus.BAD_GATEWAY;
            case "timeout" -> HttpStatus.GATEWAY_TIMEOUT;
            case "not-found" -> HttpStatus.NOT_FOUND;
            case "cancelled" -> HttpStatus.CONFLICT;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static String titleOf(String code) {
        return switch (code) {
            case "bad-input" -> "Bad input";
            case "unsupported-media" -> "Unsupported media type";
            case "capability-unavailable" -> "Capability unavailable";
            case "capability-not-granted" -> "Capability not granted";
            case "quota-exceeded" -> "Quota exceeded";
            case "provider-error" -> "Model provider error";
            case "timeout" -> "Timed out";
            case "not-found" -> "Not found";
            case "cancelled" -> "Cancelled";
            default -> "Skill error";
        };
    }
}
