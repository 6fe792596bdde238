package dev.atrium.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the host reports to a client as RFC 9457 problem+json. The {@code code} is stable and becomes
 * the last segment of the problem {@code type}; clients switch on it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public ProblemException(HttpStatus status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** Adds an extension member to the problem, such as the offending input. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, "Not found", detail);
    }

    public static ProblemException badRequest(String code, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, title, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
    }

    public static ProblemException conflict(String code, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, title, detail);
    }
}
