package org.responsepolicy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.responsepolicy.engine.facts.RuleMetadata;

/** Compiles DRL sources into a KieBase, collecting every error with its file and line. */
final class DrlCompiler {

    private static final String SOURCE_ROOT = "src/main/resources/";

    private DrlCompiler() {
    }

    /**
     * @param sources DRL text by path relative to the rules folder
     * @param buildId distinguishes this build in Drools' in-memory repository
     */
    static KieBase compile(Map<String, String> sources, String buildId) throws RulesInvalidException {
        if (sources.isEmpty()) {
            throw new RulesInvalidException(new RuleProblem("policies/", 0, "no .drl policy files found"));
        }
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("org.responsepolicy", "rules", "build-" + buildId);
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        sources.forEach((path, drl) -> files.write(SOURCE_ROOT + path, drl));

        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new RuleProblem(relative(m.getPath()), Math.max(m.getLine(), 0), m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RulesInvalidException(problems);
        }
        try {
            KieBase base = kie.newKieContainer(releaseId).getKieBase();
            checkMetadata(base, problems);
            if (!problems.isEmpty()) {
                throw new RulesInvalidException(problems);
            }
            return base;
        } finally {
            // Every build gets a fresh release id; drop it so reloads do not accumulate modules.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** Reasons quote @policy and @description, so a rule without them could not explain itself. */
    private static void checkMetadata(KieBase base, List<RuleProblem> problems) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                for (String key : List.of("policy", "description")) {
                    String value = RuleMetadata.value(rule.getMetaData(), key);
                    if (value == null || value.isBlank()) {
                        problems.add(new RuleProblem(sourceOf(rule), 0,
                                "rule \"" + rule.getName() + "\" has no @" + key + "(...) metadata"));
                    }
                }
            }
        }
    }

    /** The rule's file, relative to the rules folder. */
    static String sourceOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null) {
            return relative(impl.getResource().getSourcePath());
        }
        return rule.getPackageName();
    }

    private static String relative(String path) {
        if (path == null) {
            return "";
        }
        String p = path.replace('\\', '/');
        int i = p.indexOf(SOURCE_ROOT);
        return i >= 0 ? p.substring(i + SOURCE_ROOT.length()) : p;
    }
}
