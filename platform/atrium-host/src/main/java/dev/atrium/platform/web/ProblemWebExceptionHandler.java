package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.problem.Problems;
import dev.atrium.sdk.SkillException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place errors become responses: every failure of every endpoint, ours or the framework's,
 * is answered as {@code application/problem+json} with a stable {@code type} and {@code code}, and never
 * with a stack trace.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Map<String, Object> problem = toProblem(error);
        problem.put("instance", exchange.getRequest().getPath().value());
        int status = (Integer) problem.get("status");
        if ("internal-error".equals(problem.get("code"))) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else if (status >= 500) {
            log.warn("{} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), problem.get("detail"));
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error instanceof MethodNotAllowedException notAllowed) {
            response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    static Map<String, Object> toProblem(Throwable error) {
        if (error instanceof ProblemException || error instanceof SkillException) {
            return Problems.of(error);
        }
        if (hasCause(error, DataBufferLimitException.class)) {
            return Problems.body(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                    "the request body is larger than this server accepts");
        }
        if (hasCause(error, JacksonException.class)) {
            return Problems.body(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON of the expected shape");
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problems.body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media", "Unsupported media type",
                    "content type " + unsupported.getContentType() + " is not accepted here; use "
                            + unsupported.getSupportedMediaTypes());
        }
        if (error instanceof ServerWebInputException input) {
            return Problems.body(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    input.getReason() == null ? "the request cannot be read" : input.getReason());
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            code = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            if (code == HttpStatus.NOT_FOUND) {
                return Problems.body(code, "not-found", "Not found", "no such resource");
            }
            if (code == HttpStatus.METHOD_NOT_ALLOWED) {
                return Problems.body(code, "method-not-allowed", "Method not allowed",
                        "this resource does not support that method");
            }
            return Problems.body(code, "http-" + code.value(), code.getReasonPhrase(),
                    status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        return Problems.of(error);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
