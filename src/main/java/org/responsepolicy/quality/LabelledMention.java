package org.responsepolicy.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One hand-labelled mention of the evaluation set ({@code src/test/resources/eval/<language>.yaml}). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LabelledMention(String id, String channel, String visibility, String text, Labels expect) {

    /**
     * What a careful annotator found.
     *
     * @param language     en, pl, uk, ru, hu, or "other"
     * @param topics       regulated topics only
     */
    public record Labels(String language, String sentiment, List<Item> personalData, List<String> topics,
                         List<String> intents, List<String> actions) {

        public Labels {
            personalData = personalData == null ? List.of() : personalData;
            topics = topics == null ? List.of() : topics;
            intents = intents == null ? List.of() : intents;
            actions = actions == null ? List.of() : actions;
        }
    }

    /** @param value exactly as written in the text */
    public record Item(String type, String value) {
    }
}
