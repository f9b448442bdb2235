/**
 * Personal data stays put: erasure of one author's data on request, and retention (everything older than the
 * configured period is purged).
 */
package org.responsepolicy.privacy;
