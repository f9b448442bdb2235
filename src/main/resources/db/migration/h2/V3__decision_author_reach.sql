-- The author's reach as the policies saw it, so a replay can re-evaluate a mention faithfully
-- (the response-time table depends on followers). Older rows have none: they replay as unknown reach.
ALTER TABLE decision ADD COLUMN author_followers BIGINT NULL;
ALTER TABLE decision ADD COLUMN author_verified BOOLEAN NULL;
