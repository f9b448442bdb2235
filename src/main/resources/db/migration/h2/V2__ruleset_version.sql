-- Every rule-set version that was ever active, with the content of its files, so any of them can be
-- activated again even after the files on disk changed.
CREATE TABLE ruleset_version (
    version            VARCHAR(64)  NOT NULL PRIMARY KEY,
    files_json         CHARACTER LARGE OBJECT NOT NULL,
    file_count         INTEGER      NOT NULL,
    first_activated_at TIMESTAMP(6) NOT NULL,
    last_activated_at  TIMESTAMP(6) NOT NULL,
    last_trigger       VARCHAR(32)  NOT NULL
);
