package org.responsepolicy.quality;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Renders reports as Markdown tables (for the terminal and the README). */
public final class QualityTable {

    private QualityTable() {
    }

    public static String render(List<LanguageReport> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("| language | mentions | language detected | negative P / R | personal data P / R | regulated topics P / R | actions exact |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LanguageReport r : reports) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %s | %s | %.2f |%n", r.language(), r.mentions(),
                    (double) r.languageCorrect() / r.mentions(), pr(r.negative()), pr(r.allPersonalData()),
                    pr(r.allRegulatedTopics()), (double) r.actionsExact() / r.mentions()));
        }
        sb.append("\nPersonal data by type (precision / recall, support):\n\n");
        Set<String> types = new TreeSet<>();
        reports.forEach(r -> types.addAll(r.personalData().keySet()));
        detail(sb, reports, types, true);
        sb.append("\nRegulated topics (precision / recall, support):\n\n");
        Set<String> topics = new TreeSet<>();
        reports.forEach(r -> topics.addAll(r.regulatedTopics().keySet()));
        detail(sb, reports, topics, false);
        return sb.toString();
    }

    private static void detail(StringBuilder sb, List<LanguageReport> reports, Set<String> keys, boolean personalData) {
        sb.append("| ").append(personalData ? "type" : "topic");
        reports.forEach(r -> sb.append(" | ").append(r.language()));
        sb.append(" |\n| ---");
        reports.forEach(r -> sb.append(" | ---:"));
        sb.append(" |\n");
        for (String key : keys) {
            sb.append("| ").append(key);
            for (LanguageReport r : reports) {
                Score s = (personalData ? r.personalData() : r.regulatedTopics()).get(key);
                sb.append(" | ").append(s == null ? "–" : pr(s) + " (" + s.support() + ")");
            }
            sb.append(" |\n");
        }
    }

    private static String pr(Score s) {
        return String.format(Locale.ROOT, "%.3f / %.3f", s.precision(), s.recall());
    }
}
