-- Right to erasure: the author's pseudonym beside each decision, so all of an author's decisions can be found
-- and deleted. Older rows have none (they age out through retention).
ALTER TABLE decision ADD COLUMN author_key VARCHAR(64) NULL;
CREATE INDEX ix_decision_author ON decision (brand, author_key);
-- Retention purges by age across brands.
CREATE INDEX ix_decision_evaluated ON decision (evaluated_at);

-- API keys. Only a SHA-256 of the secret is kept: the secret is shown once, when the key is created.
CREATE TABLE api_key (
    key_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    rate_limit  INT          NULL,
    created_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Who did what with admin rights (keys, reloads, rollbacks, erasure, purges), kept for auditors.
CREATE TABLE admin_audit (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at        DATETIME(6)   NOT NULL,
    actor     VARCHAR(200)  NOT NULL,
    action    VARCHAR(64)   NOT NULL,
    target    VARCHAR(300)  NULL,
    outcome   VARCHAR(16)   NOT NULL,
    detail    VARCHAR(1000) NULL,
    INDEX ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
