package org.responsepolicy.evaluation;

import java.time.Instant;

/** When an action is due, and how that follows from the brand's settings (for the explanation). */
record Deadline(Instant at, String basis) {
}
