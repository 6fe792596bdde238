package dev.atrium.platform;

import javax.imageio.ImageIO;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Atrium host: the plugin manager, the skill registry, runs and the HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtriumApplication {

    public static void main(String[] args) {
        // Images are decoded and encoded in memory (uploads are size-capped), never staged in temporary files:
        // a file cache costs disk writes per page, and a cancelled run's interrupt closes it mid-read.
        ImageIO.setUseCache(false);
        SpringApplication.run(AtriumApplication.class, args);
    }
}
