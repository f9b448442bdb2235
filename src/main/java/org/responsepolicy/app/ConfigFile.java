package org.responsepolicy.app;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE} (or {@code RPS_CONFIG}): every option of every command, set in one YAML file of
 * {@code name: value} lines, the name being the option's long name without dashes ({@code port: 8080},
 * {@code db-url: jdbc:mariadb://db:3306/rps}). Values may use {@code ${VAR}} and {@code ${VAR:-default}} for
 * environment variables, so secrets stay out of the file. Precedence: a command-line option, then its
 * environment variable, then the file, then the built-in default. Only settings (options with a default) come
 * from the file, not per-run arguments such as {@code keys create --rate-limit}. An unknown name is an error,
 * so a typo is not silently ignored.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {

    static final String OPTION = "--config";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    /** The environment variable named in an option's built-in default, e.g. {@code ${env:RPS_PORT:-8080}}. */
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> values;
    private final UnaryOperator<String> environment;

    private ConfigFile(Map<String, String> values, UnaryOperator<String> environment) {
        this.values = values;
        this.environment = environment;
    }

    /** A settings file that cannot be used, with a message that names the file and the setting. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Reads the file and checks every name against the options of {@code root} and its subcommands.
     *
     * @param environment looks up an environment variable (System::getenv outside tests)
     */
    static ConfigFile read(Path file, CommandLine root, UnaryOperator<String> environment) throws Invalid {
        Map<String, String> raw = new LinkedHashMap<>();
        // Read token by token for each value's text as written: YAML would turn 0123 into 83 and yes into true,
        // and a password is neither a number nor a boolean.
        try (com.fasterxml.jackson.core.JsonParser yaml = new YAMLFactory().createParser(file.toFile())) {
            com.fasterxml.jackson.core.JsonToken token = yaml.nextToken();
            if (token == null) {
                return new ConfigFile(raw, environment); // an empty file sets nothing
            }
            if (token != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new Invalid(file + ": expected lines of 'name: value'");
            }
            while ((token = yaml.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = yaml.currentName();
                com.fasterxml.jackson.core.JsonToken value = yaml.nextToken();
                if (value == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                        || value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    throw new Invalid(file + ": '" + name + "' must be a single value");
                }
                if (value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                    throw new Invalid(file + ": '" + name + "' has no value (remove the line for the default)");
                }
                raw.put(name, yaml.getText());
            }
        } catch (IOException e) {
            throw new Invalid("cannot read the settings file " + file + ": " + e.getMessage());
        }
        Set<String> known = optionNames(root.getCommandSpec(), new TreeSet<>());
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new Invalid(file + ": unknown setting '" + e.getKey() + "'; the settings are the options' "
                        + "long names without dashes: " + String.join(", ", known));
            }
            values.put(e.getKey(), substitute(file, e.getKey(), e.getValue(), environment));
        }
        return new ConfigFile(values, environment);
    }

    /** The value of {@code --config} in the arguments, else {@code RPS_CONFIG}, else null. */
    static Path requested(String[] args, UnaryOperator<String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(OPTION + "=")) {
                return Path.of(args[i].substring(OPTION.length() + 1));
            }
        }
        String fromEnvironment = environment.apply("RPS_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }

    /** Lets every command accept {@code --config} (read before parsing, so its value is not used again). */
    static void addOptionTo(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        if (spec.findOption(OPTION) == null) {
            spec.addOption(OptionSpec.builder(OPTION).paramLabel("FILE").type(Path.class)
                    .description("Settings file: option names without dashes as YAML keys, ${VAR} for environment "
                            + "variables (env RPS_CONFIG). Command-line options and their variables take precedence.")
                    .build());
        }
        root.getSubcommands().values().forEach(ConfigFile::addOptionTo);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String declared = arg instanceof OptionSpec option ? declaredDefault(option) : null;
        if (declared == null) {
            return null; // a per-run argument (keys create --rate-limit), not a setting
        }
        String value = values.get(name((OptionSpec) arg));
        if (value == null) {
            return null;
        }
        // The option's own environment variable, when set, wins over the file.
        Matcher env = ENV_DEFAULT.matcher(declared);
        if (env.find()) {
            String set = environment.apply(env.group(1));
            if (set != null && !set.isEmpty()) {
                return literal(set);
            }
        }
        return literal(value);
    }

    /** picocli expands ${...} in what a provider returns; a value already final must pass through as it is. */
    private static String literal(String value) {
        return value.replace("$", "$$");
    }

    /** The default as written in the option's annotation ({@code ${env:RPS_PORT:-8080}}), or null if none. */
    private static String declaredDefault(OptionSpec option) {
        if (option.userObject() instanceof java.lang.reflect.AnnotatedElement element) {
            CommandLine.Option declared = element.getAnnotation(CommandLine.Option.class);
            if (declared != null && !declared.defaultValue().equals("__no_default_value__")) {
                return declared.defaultValue();
            }
        }
        return null;
    }

    private static String name(OptionSpec option) {
        String longest = option.longestName();
        return longest.replaceFirst("^-+", "").replaceFirst("^\\[no-]", "");
    }

    private static Set<String> optionNames(CommandSpec spec, Set<String> names) {
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.longestName().equals(OPTION)
                    && declaredDefault(o) != null) {
                names.add(name(o));
            }
        }
        spec.subcommands().values().stream().filter(sub -> !sub.getCommandSpec().usageMessage().hidden())
                .forEach(sub -> optionNames(sub.getCommandSpec(), names));
        return names;
    }

    private static String substitute(Path file, String key, String value, UnaryOperator<String> environment)
            throws Invalid {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String set = environment.apply(m.group(1));
            // As in the shell: ${NAME:-default} also takes the default when NAME is set but empty.
            String replacement = set != null && !(set.isEmpty() && m.group(2) != null) ? set : m.group(2);
            if (replacement == null) {
                missing.add(m.group(1));
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new Invalid(file + ": '" + key + "' uses " + String.join(", ", missing)
                    + ", which is not set (give a default with ${NAME:-value})");
        }
        return out.toString();
    }
}
