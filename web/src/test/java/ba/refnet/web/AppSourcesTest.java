package ba.refnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app has no build step, so nothing else notices a module importing a file that is not there, or a label that
 * one language lacks: this test reads the sources as the browser gets them.
 */
class AppSourcesTest {

    static final Path ROOT = Path.of("src/main/resources/META-INF/resources");
    static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'(\\.{1,2}/[^']+)'");
    static final Pattern KEY = Pattern.compile("^\\s*'([a-zA-Z0-9_.]+)':", Pattern.MULTILINE);
    static final Pattern USED = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");

    static Stream<Path> modules() throws IOException {
        return Files.walk(ROOT.resolve("js")).filter(p -> p.toString().endsWith(".js"));
    }

    @Test
    void everyImportedModuleExists() throws IOException {
        try (Stream<Path> modules = modules()) {
            for (Path module : modules.toList()) {
                Matcher m = IMPORT.matcher(Files.readString(module));
                while (m.find()) {
                    Path target = module.getParent().resolve(m.group(1)).normalize();
                    assertTrue(Files.isRegularFile(target), module + " imports " + m.group(1) + ", which is missing");
                }
            }
        }
    }

    static Set<String> keysOf(String messages, String dictionary) {
        int start = messages.indexOf("export const " + dictionary + " = {");
        int end = messages.indexOf("\n};", start);
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY.matcher(messages.substring(start, end));
        while (m.find()) {
            keys.add(m.group(1));
        }
        // several short keys share a line ('a': 'x', 'b': 'y')
        Matcher inline = Pattern.compile("'([a-zA-Z0-9_.]+)':\\s*'").matcher(messages.substring(start, end));
        while (inline.find()) {
            keys.add(inline.group(1));
        }
        return keys;
    }

    @Test
    void bosnianAndEnglishHaveTheSameLabelsAndTheOthersOnlyOverrideThem() throws IOException {
        String messages = Files.readString(ROOT.resolve("js/messages.js"));
        Set<String> bs = keysOf(messages, "bs");
        assertEquals(bs, keysOf(messages, "en"));
        for (String overriding : new String[] {"hr", "srLatn"}) {
            Set<String> unknown = new TreeSet<>(keysOf(messages, overriding));
            unknown.removeAll(bs);
            assertEquals(Set.of(), unknown, overriding + " overrides labels Bosnian does not have");
        }
    }

    @Test
    void everyLabelThePagesAskForExists() throws IOException {
        Set<String> known = keysOf(Files.readString(ROOT.resolve("js/messages.js")), "en");
        Set<String> missing;
        try (Stream<Path> modules = modules()) {
            missing = modules.flatMap(module -> {
                try {
                    return USED.matcher(Files.readString(module)).results().map(r -> r.group(1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(key -> !known.contains(key)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of(), missing);
    }
}
