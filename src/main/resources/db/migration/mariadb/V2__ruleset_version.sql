-- Every rule-set version that was ever active, with the content of its files, so any of them can be
-- activated again even after the files on disk changed.
CREATE TABLE ruleset_version (
    version            VARCHAR(64)  NOT NULL PRIMARY KEY,
    files_json         LONGTEXT     NOT NULL,
    file_count         INT          NOT NULL,
    first_activated_at DATETIME(6)  NOT NULL,
    last_activated_at  DATETIME(6)  NOT NULL,
    last_trigger       VARCHAR(32)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
