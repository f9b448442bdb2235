-- Each decision's actions, beside the decision's JSON, so decisions can be searched by action, queue and policy
-- and counted for the console's overview. Searches start from the decision (by time) and look its rows up by
-- key, so only the deadline needs an index of its own. No foreign key: erasure and retention delete these rows
-- first, and the write path stays as light as it can (every decision adds a few rows here).
CREATE TABLE decision_action (
    decision_id  VARCHAR(36)   NOT NULL,
    position     INT           NOT NULL,
    action_type  VARCHAR(40)   NOT NULL,
    queue        VARCHAR(100)  NOT NULL,
    priority     VARCHAR(8)    NOT NULL,
    due_by       TIMESTAMP(6)  NULL,
    -- The policies whose rules gave this action a reason, as ",policy-a,policy-b,".
    policies     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (decision_id, position)
);
CREATE INDEX ix_action_due ON decision_action (due_by);

-- Newest first (time, then id) and the overview's counts by time and sentiment, from the index alone, without
-- reading the wide rows.
DROP INDEX ix_decision_evaluated;
CREATE INDEX ix_decision_time_sentiment ON decision (evaluated_at, decision_id, sentiment);
