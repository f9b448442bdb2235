package org.responsepolicy.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A snapshot of every file under a rules folder, read once, so the rule base, word lists, templates and
 * the version hash all come from the same bytes even if someone edits the folder meanwhile.
 *
 * @param files content by path relative to the folder, with '/' separators, sorted
 */
public record RuleFiles(SortedMap<String, byte[]> files) {

    public RuleFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static RuleFiles read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("rules folder not found: " + folder.toAbsolutePath());
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (!isIgnored(rel)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RuleFiles(files);
    }

    /**
     * Reads a zip of a rules folder (as sent to {@code POST /v1/rules/validate}). A single top-level folder
     * ("rules/") is stripped. Refuses archives with too many entries or too much content, so a crafted zip
     * cannot exhaust memory.
     */
    public static RuleFiles fromZip(java.io.InputStream in, int maxEntries, long maxBytes) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (files.size() >= maxEntries) {
                    throw new IOException("the archive has more than " + maxEntries + " files");
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw new IOException("the archive unpacks to more than " + maxBytes / 1024 / 1024 + " MiB");
                    }
                    out.write(buffer, 0, n);
                }
                String name = e.getName().replace('\\', '/');
                while (name.startsWith("/")) {
                    name = name.substring(1);
                }
                if (!isIgnored(name) && !name.contains("__MACOSX")) {
                    files.put(name, out.toByteArray());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("not a readable zip archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IOException("the archive holds no files; zip the rules folder");
        }
        return new RuleFiles(stripCommonFolder(files));
    }

    private static SortedMap<String, byte[]> stripCommonFolder(SortedMap<String, byte[]> files) {
        String first = files.firstKey();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (prefix.equals("policies/") || !files.keySet().stream().allMatch(k -> k.startsWith(prefix))) {
            return files;
        }
        SortedMap<String, byte[]> stripped = new TreeMap<>();
        files.forEach((k, v) -> stripped.put(k.substring(prefix.length()), v));
        return stripped;
    }

    /** Editor backups and hidden files are not part of the rule set. */
    private static boolean isIgnored(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        // Hidden folders too (.git, .idea): version control must not change the rule set's version.
        return rel.startsWith(".") || rel.contains("/.") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".bak");
    }

    /** Text files with the given extension, keyed by relative path. */
    public Map<String, String> withExtension(String extension) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(extension)) {
                out.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    /** Text files under a folder (e.g. {@code topics/}) with the given extension. */
    public Map<String, String> under(String folder, String extension) {
        Map<String, String> out = new LinkedHashMap<>();
        withExtension(extension).forEach((path, text) -> {
            if (path.startsWith(folder)) {
                out.put(path, text);
            }
        });
        return out;
    }

    /** A short content hash of all files and their names: the rule set's version. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
