package org.responsepolicy.analysis;

/**
 * One word of a text with its offsets (UTF-16, end exclusive) and the numbers of every form it may match as
 * (the lower-cased word, its base forms, its spelling without diacritics) that some word list uses.
 */
record Token(int start, int end, int[] forms) {
}
