-- Per-tenant plugin settings. Secret values are AES-GCM ciphertext ("v1:" + base64 of nonce and sealed bytes).

CREATE TABLE plugin_settings (
    tenant_id   VARCHAR(64)  NOT NULL,
    plugin_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    setting_value VARCHAR    NOT NULL,
    secret      BOOLEAN      NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, plugin_id, name)
);
