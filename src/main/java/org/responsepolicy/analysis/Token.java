package org.responsepolicy.analysis;

import java.util.Set;

/**
 * One word of a text with its offsets (UTF-16, end exclusive) and every form it may match as:
 * the lower-cased word, its base form(s) and its spelling without diacritics.
 */
record Token(int start, int end, Set<String> forms) {
}
