/**
 * Who may call the API: API keys (kept only as hashes) with a role each, per-key rate limits, and the audit
 * trail of admin actions. The HTTP side lives in {@code api}; storage in {@code store}.
 */
package org.responsepolicy.access;
