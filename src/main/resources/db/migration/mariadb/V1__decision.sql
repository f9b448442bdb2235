-- One row per evaluated mention: the audit record. Holds masked text only, never raw personal data.
CREATE TABLE decision (
    decision_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    brand            VARCHAR(100) NOT NULL,
    mention_id       VARCHAR(200) NOT NULL,
    text_fingerprint VARCHAR(64)  NOT NULL,
    ruleset_version  VARCHAR(64)  NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    visibility       VARCHAR(16)  NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    sentiment        VARCHAR(16)  NOT NULL,
    published_at     DATETIME(6)  NULL,
    evaluated_at     DATETIME(6)  NOT NULL,
    masked_text      LONGTEXT     NOT NULL,
    decision_json    LONGTEXT     NOT NULL,
    CONSTRAINT uq_decision_mention UNIQUE (brand, mention_id),
    INDEX ix_decision_brand_time (brand, evaluated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
