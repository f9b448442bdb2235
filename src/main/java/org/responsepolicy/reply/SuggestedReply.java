package org.responsepolicy.reply;

/** A drafted message for an agent to review and send. */
public record SuggestedReply(String language, String text, String templateId) {
}
