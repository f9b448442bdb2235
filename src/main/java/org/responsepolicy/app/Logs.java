package org.responsepolicy.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.responsepolicy.analysis.PersonalDataMasking;
import org.slf4j.LoggerFactory;

/**
 * How the process logs, on standard error: readable lines for a person at a terminal ({@code text}, the
 * default in {@code logback.xml}) or one JSON object per event for log search ({@code json}: timestamp, level,
 * logger, thread, message, stack trace, and the request's {@code requestId}, {@code decisionId}, {@code brand} and
 * {@code rulesetVersion}). In both, every string passes through the personal-data masker before it is written.
 */
final class Logs {

    enum Format { text, json }

    /** Fields the server writes itself, never from a caller or a library message. */
    private static final java.util.Set<String> GENERATED = java.util.Set.of("@timestamp", "@version", "level",
            "level_value", "logger_name", "thread_name", "requestId", "decisionId", "rulesetVersion", "service");

    private Logs() {
    }

    static void configure(Format format, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        if (format == Format.json) {
            ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
            json.setContext(context);
            json.setName("JSON");
            json.setTarget("System.err");
            json.setEncoder(jsonEncoder(context));
            json.start();
            root.detachAndStopAllAppenders();
            root.addAppender(json);
        }
    }

    /** One JSON object per event, every string value masked for personal data; started. */
    static LogstashEncoder jsonEncoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setCustomFields("{\"service\":\"response-policy-server\"}");
        MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
        // null leaves a value as it is; a string with personal data in it is written masked. Timestamps and the
        // ids the server made are left alone: digit runs in them look like phone numbers to the masker.
        masking.addValueMasker((where, value) -> {
            if (value instanceof String s && !GENERATED.contains(where.getCurrentName())) {
                String masked = PersonalDataMasking.mask(s);
                return masked.equals(s) ? null : masked;
            }
            return null;
        });
        masking.start();
        encoder.setJsonGeneratorDecorator(masking);
        encoder.start();
        return encoder;
    }

    /** picocli: a level name, checked, so a typo is an error instead of silently INFO. */
    static String level(String value) {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(upper)) {
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a log level: TRACE, DEBUG, INFO, WARN, ERROR or OFF");
        }
        return upper;
    }
}
