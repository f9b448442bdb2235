-- Each decision's actions and the policies that fired, beside the decision's JSON, so decisions can be searched
-- by action, queue and policy and counted for the console's overview. Rows go with their decision. Searches
-- start from the decision (by time) and look its rows up by key, so only the deadline needs an index of its own.
CREATE TABLE decision_action (
    decision_id  VARCHAR(36)  NOT NULL,
    position     INT          NOT NULL,
    action_type  VARCHAR(40)  NOT NULL,
    queue        VARCHAR(100) NOT NULL,
    priority     VARCHAR(8)   NOT NULL,
    due_by       DATETIME(6)  NULL,
    PRIMARY KEY (decision_id, position),
    INDEX ix_action_due (due_by),
    CONSTRAINT fk_action_decision FOREIGN KEY (decision_id) REFERENCES decision (decision_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE decision_policy (
    decision_id  VARCHAR(36)  NOT NULL,
    policy       VARCHAR(100) NOT NULL,
    PRIMARY KEY (decision_id, policy),
    CONSTRAINT fk_policy_decision FOREIGN KEY (decision_id) REFERENCES decision (decision_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
