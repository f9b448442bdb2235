package org.responsepolicy.ruleset;

import java.util.List;
import org.responsepolicy.analysis.MentionAnalyzer;
import org.responsepolicy.brand.BrandDirectory;
import org.responsepolicy.engine.PolicyEngine;
import org.responsepolicy.reply.ReplyWriter;

/**
 * Everything loaded from one snapshot of the rules folder: policies, word lists, reply templates and brand settings,
 * identified by a content hash. Immutable and thread-safe, so it can be swapped as a whole.
 *
 * @param version content hash of every file in the folder
 * @param files   paths of the files it was built from, relative to the folder
 */
public record RuleSet(String version, List<String> files, PolicyEngine engine, MentionAnalyzer analyzer,
                      ReplyWriter replies, BrandDirectory brands) {

    public RuleSet {
        files = List.copyOf(files);
    }
}
