package dev.atrium.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Atrium host: the plugin manager, the skill registry, runs and the HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtriumApplication {

    public static void main(String[] args) {
        SpringApplication.run(AtriumApplication.class, args);
    }
}
