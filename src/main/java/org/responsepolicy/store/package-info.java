/**
 * The audit store of decisions: embedded H2 by default, MariaDB by URL; schema by Flyway migrations under
 * {@code db/migration/<database>}. Entry point: {@link org.responsepolicy.store.Database#open}.
 */
package org.responsepolicy.store;
