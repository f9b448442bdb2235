/**
 * Suggested replies drafted from the templates in {@code rules/templates/}. Entry point:
 * {@link org.responsepolicy.reply.ReplyWriter}.
 */
package org.responsepolicy.reply;
