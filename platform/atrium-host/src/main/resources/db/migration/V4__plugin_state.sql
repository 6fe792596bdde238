-- The plugin catalog's state: which plugins are disabled, the capabilities granted to each, and which bundled
-- plugins were already offered. One small document per name, so every host of a cluster reads the same.
CREATE TABLE plugin_state (
    state_name  VARCHAR(64)     PRIMARY KEY,
    content     VARCHAR(200000) NOT NULL,
    updated_at  BIGINT          NOT NULL
);
