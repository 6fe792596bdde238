package dev.atrium.platform.web;

import dev.atrium.sdk.SdkVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI atriumApi() {
        return new OpenAPI().info(new Info().title("Atrium API").version(SdkVersion.current())
                .description("Plugins, skills, runs (with server-sent events and artifacts), model providers "
                        + "and usage. Errors are RFC 9457 problem+json with a stable type."));
    }
}
