-- What author history and crisis detection remember about each evaluated mention: signals, never text.
-- One row per mention with issue = '' (the mention itself), plus one row per issue it is about, so a wave
-- about one issue is a range count on (brand, issue, posted_at).
CREATE TABLE mention_signal (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brand       VARCHAR(100) NOT NULL,
    mention_id  VARCHAR(200) NOT NULL,
    issue       VARCHAR(64)  NOT NULL,
    author_key  VARCHAR(64)  NULL,
    posted_at   DATETIME(6)  NOT NULL,
    sentiment   VARCHAR(16)  NOT NULL,
    problem     BOOLEAN      NOT NULL,
    question    BOOLEAN      NOT NULL,
    CONSTRAINT uq_signal_mention_issue UNIQUE (brand, mention_id, issue),
    INDEX ix_signal_issue_time (brand, issue, posted_at),
    INDEX ix_signal_author_time (brand, author_key, posted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A surge of problem mentions or a question many people ask. issue = '' for a brand-wide surge.
CREATE TABLE incident (
    incident_id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    brand              VARCHAR(100) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    issue              VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    opened_at          DATETIME(6)  NOT NULL,
    opened_by_mention  VARCHAR(200) NOT NULL,
    detected_at        DATETIME(6)  NOT NULL,
    last_mention_at    DATETIME(6)  NOT NULL,
    mentions           INT          NOT NULL,
    evidence           VARCHAR(500) NOT NULL,
    closed_at          DATETIME(6)  NULL,
    close_reason       VARCHAR(32)  NULL,
    INDEX ix_incident_brand_status (brand, status, opened_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per brand, locked while a mention's signals are counted: every server instance sharing the
-- database counts a brand's mentions one at a time, so exactly one of them opens an incident.
CREATE TABLE brand_lock (
    brand VARCHAR(100) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
