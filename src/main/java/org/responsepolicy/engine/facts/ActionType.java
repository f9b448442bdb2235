package org.responsepolicy.engine.facts;

/** The fixed vocabulary of actions a policy can recommend. */
public enum ActionType {
    RESPOND_PUBLICLY,
    /** A short public reply posted at once outside staffed hours, saying when a person will answer. */
    HOLDING_REPLY,
    THANK,
    ESCALATE,
    MOVE_TO_PRIVATE,
    HIDE_PUBLIC_POST,
    FORWARD_TO_PRODUCT,
    PIN_STATEMENT,
    NO_ACTION
}
