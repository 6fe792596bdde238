package dev.atrium.platform.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The browser pages: the generated page of any skill ({@code /skills/{plugin}/{skill}}, one document that
 * reads the skill's spec) and plugins' own pages ({@code /plugins/{id}/…}). The portal itself is the static
 * {@code index.html}; the kit is under {@code /ui/kit/}.
 */
@Configuration(proxyBeanMethods = false)
public class PageRoutes {

    private static final Resource SKILL_PAGE = new ClassPathResource("static/skill.html");
    private static final Resource LOGIN_PAGE = new ClassPathResource("static/login.html");

    @Bean
    RouterFunction<ServerResponse> pages(PluginPages plugins) {
        return route(GET("/skills/{plugin}/{skill}"), request -> page(SKILL_PAGE))
                .andRoute(GET("/login"), request -> page(LOGIN_PAGE))
                .andRoute(GET("/plugins/{id}"), request -> ServerResponse
                        .permanentRedirect(URI.create("/plugins/" + request.pathVariable("id") + "/")).build())
                .andRoute(GET("/plugins/{id}/**").or(HEAD("/plugins/{id}/**")), request -> {
                    String id = request.pathVariable("id");
                    String prefix = "/plugins/" + id + "/";
                    String raw = request.path().length() > prefix.length() ? request.path().substring(prefix.length()) : "";
                    String path = UriUtils.decode(raw, StandardCharsets.UTF_8);
                    return Mono.fromCallable(() -> plugins.read(id, path))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(asset -> {
                                if (request.headers().header(HttpHeaders.IF_NONE_MATCH).contains(asset.etag())) {
                                    return ServerResponse.status(304).eTag(asset.etag()).build();
                                }
                                return ServerResponse.ok().contentType(asset.mediaType()).eTag(asset.etag())
                                        .cacheControl(asset.cacheControl()).bodyValue(asset.bytes());
                            });
                });
    }

    private static Mono<ServerResponse> page(Resource html) {
        return ServerResponse.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).bodyValue(html);
    }
}
