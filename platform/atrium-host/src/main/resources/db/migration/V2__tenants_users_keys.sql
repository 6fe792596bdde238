-- Identity: users (with roles, per tenant) and API keys (only a hash of each key is stored).

INSERT INTO tenants (id, name, created_at) VALUES ('default', 'Default', 0);

CREATE TABLE users (
    id              VARCHAR(64)  PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    username        VARCHAR(100) NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(255),
    role            VARCHAR(16)  NOT NULL,
    disabled        BOOLEAN      NOT NULL,
    created_at      BIGINT       NOT NULL
);

CREATE TABLE api_keys (
    id              VARCHAR(64)  PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    user_id         VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    prefix          VARCHAR(16)  NOT NULL,
    key_hash        CHAR(64)     NOT NULL UNIQUE,
    created_at      BIGINT       NOT NULL,
    expires_at      BIGINT,
    revoked_at      BIGINT,
    last_used_at    BIGINT
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id);
