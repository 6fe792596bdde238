package dev.atrium.platform.persistence;

import java.sql.Connection;
import java.util.Map;

/** The restart contract on the embedded default: an H2 file under the data home. */
class H2RestartIT extends RestartContract {

    @Override
    Map<String, Object> databaseProperties() {
        return Map.of();
    }

    @Override
    Connection jdbc() throws Exception {
        return connect(DatabaseUrls.embeddedJdbc(home), "sa", "");
    }
}
