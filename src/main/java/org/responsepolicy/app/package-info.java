/**
 * Start-up and wiring. {@link org.responsepolicy.app.Main} parses the command line;
 * {@link org.responsepolicy.app.App} builds and starts everything.
 */
package org.responsepolicy.app;
