package dev.atrium.platform.web;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A plain WebFlux endpoint that reads a JSON body and answers JSON, with none of the run machinery: the
 * baseline the benchmark compares skill runs against. Only present when {@code atrium.benchmark.enabled}.
 */
@RestController
@ConditionalOnProperty(name = "atrium.benchmark.enabled", havingValue = "true")
public class BareEndpoint {

    @PostMapping("/bench/bare")
    public Mono<Map<String, Object>> bare(@RequestBody Mono<Map<String, Object>> body) {
        return body.map(input -> Map.of("status", "succeeded", "result", Map.of("pong", true)));
    }
}
