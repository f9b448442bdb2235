package org.responsepolicy.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.support.BundledRules;

class RuleSetLoaderTest {

    @TempDir
    Path copy;

    private Path copyOfBundledRules() throws IOException {
        return org.responsepolicy.support.TestServer.copyOfBundledRules(copy);
    }

    @Test
    void loadsTheBundledRulesWithMetadataOnEveryRule() {
        RuleSet rules = BundledRules.get();
        assertTrue(rules.engine().rules().size() >= 8);
        rules.engine().rules().forEach(r -> {
            assertTrue(r.metadata().containsKey("policy"), r.name());
            assertTrue(r.metadata().containsKey("description"), r.name());
        });
    }

    @Test
    void versionChangesWhenAnyFileChanges() throws Exception {
        Path folder = copyOfBundledRules();
        String before = RuleFiles.read(folder).version();
        Files.writeString(folder.resolve("topics/fees.yaml"), "\n# edited\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(before, RuleFiles.read(folder).version());
    }

    @Test
    void hiddenFoldersSuchAsGitAreNotPartOfTheRuleSet() throws Exception {
        Path folder = copyOfBundledRules();
        String before = RuleFiles.read(folder).version();
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.createDirectories(folder.resolve("tests/.idea"));
        Files.writeString(folder.resolve("tests/.idea/workspace.xml"), "<x/>");
        assertEquals(before, RuleFiles.read(folder).version());
    }

    @Test
    void aRuleThatLoopsIsACandidateProblemNotAnError() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("policies/zz-loop.drl"), """
                package policies;
                import org.responsepolicy.engine.facts.*;
                rule "Loops"
                    @policy("x") @description("every action asks for another one")
                when
                    Action( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                """);
        var candidate = org.responsepolicy.rulesadmin.Candidate.check(RuleFiles.read(folder),
                new org.responsepolicy.policytest.PolicyCaseRunner(org.responsepolicy.app.Json.newMapper()));
        assertTrue(!candidate.valid() && candidate.problems().get(0).message().contains("loop"),
                candidate.problems().toString());
    }

    @Test
    void reportsDrlSyntaxErrorWithFileAndLine() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("policies/broken.drl"), """
                package policies;
                import org.responsepolicy.engine.facts.*;

                rule "Broken"
                    @policy("x") @description("y")
                when
                    Mention( sentiment == )
                then
                end
                """);
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        RuleProblem p = e.problems().stream().filter(x -> x.file().equals("policies/broken.drl")).findFirst().orElseThrow();
        assertEquals(7, p.line(), p.toString());
    }

    @Test
    void refusesRuleWithoutPolicyMetadata() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("policies/unexplained.drl"), """
                package policies;
                import org.responsepolicy.engine.facts.*;

                rule "No metadata"
                when
                    Mention( )
                then
                end
                """);
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("policies/unexplained.drl")
                && p.message().contains("@policy")), e.getMessage());
    }

    @Test
    void reportsBrokenWordListWithFileAndLine() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("topics/fees.yaml"), "id: fees\nterms:\n  en: [fee\n  pl: [opłata]\n");
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        RuleProblem p = e.problems().get(0);
        assertEquals("topics/fees.yaml", p.file());
        assertTrue(p.line() > 0, p.toString());
    }

    @Test
    void reportsMisspelledFieldInWordList() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("topics/fees.yaml"), "id: fees\nterm:\n  en: [fee]\n");
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(e.getMessage().contains("topics/fees.yaml") && e.getMessage().contains("term"), e.getMessage());
    }

    @Test
    void reportsPolicyThatNamesAMissingReplyTemplate() throws Exception {
        Path folder = copyOfBundledRules();
        Files.writeString(folder.resolve("policies/typo.drl"), """
                package policies;
                import org.responsepolicy.engine.facts.*;

                rule "Typo in template"
                    @policy("x") @description("y")
                when
                    Mention( sentiment == "positive" )
                then
                    insert( Action.recommend(ActionType.THANK).reply("thank.positiv").because(drools) );
                end
                """);
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        RuleProblem p = e.problems().get(0);
        assertEquals("policies/typo.drl", p.file());
        assertEquals(9, p.line());
        assertTrue(p.message().contains("thank.positiv"));
    }

    @Test
    void refusesEmptyRulesFolder() throws Exception {
        Path empty = Files.createDirectories(copy.resolve("empty"));
        assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(empty));
    }
}
