-- One row per evaluated mention: the audit record. Holds masked text only, never raw personal data.
-- H2 counts UTF-16 units, so ids of up to 100/200 characters (emoji count as one) need twice the room.
CREATE TABLE decision (
    decision_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    brand            VARCHAR(200) NOT NULL,
    mention_id       VARCHAR(400) NOT NULL,
    text_fingerprint VARCHAR(64)  NOT NULL,
    ruleset_version  VARCHAR(64)  NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    visibility       VARCHAR(16)  NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    sentiment        VARCHAR(16)  NOT NULL,
    published_at     TIMESTAMP(6),
    evaluated_at     TIMESTAMP(6) NOT NULL,
    masked_text      CHARACTER LARGE OBJECT NOT NULL,
    decision_json    CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT uq_decision_mention UNIQUE (brand, mention_id)
);
CREATE INDEX ix_decision_brand_time ON decision (brand, evaluated_at);
