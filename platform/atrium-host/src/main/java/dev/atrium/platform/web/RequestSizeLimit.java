package dev.atrium.platform.web;

import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses a request whose declared length is over the limit before a byte of it is read. */
@Component
public class RequestSizeLimit implements WebFilter {

    private final long maxBytes;

    public RequestSizeLimit(AtriumProperties properties) {
        this.maxBytes = properties.uploads().maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Request too large", "the request declares " + length + " bytes; the limit is " + maxBytes));
        }
        return chain.filter(exchange);
    }
}
