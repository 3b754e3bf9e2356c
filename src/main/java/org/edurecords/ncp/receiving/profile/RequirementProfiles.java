package org.edurecords.ncp.receiving.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Every requirement profile: the built-in ones of the classpath folder {@code receiving-profiles/} (listed in its
 * {@code index.txt}: a jar's folders cannot be listed) and every {@code *.json} of {@code ncp.receiving.profiles-dir}.
 * Read once at start-up; a file that is not a valid profile, or a second file with the same id and version, stops
 * the start with the problems found.
 */
@ApplicationScoped
@Startup
public class RequirementProfiles {

    /** The classpath folder of the built-in profiles. */
    public static final String BUILT_IN = "receiving-profiles/";

    // Not final: the bean gets a generated no-argument constructor for its client proxy.
    private List<RequirementProfile> all;
    private Map<String, TreeMap<Integer, RequirementProfile>> byId = new HashMap<>();

    @Inject
    public RequirementProfiles(org.edurecords.ncp.config.NcpConfig config) {
        this(config.receiving().profilesDir().filter(d -> !d.isBlank()).map(Path::of).orElse(null));
    }

    /** The built-in profiles and those of the directory, if any. */
    public static RequirementProfiles load(Optional<Path> directory) {
        return new RequirementProfiles(directory.orElse(null));
    }

    private RequirementProfiles(Path folder) {
        List<RequirementProfile> profiles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : builtInNames()) {
            read(BUILT_IN + name, () -> classpathText(BUILT_IN + name), profiles, problems);
        }
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                problems.add(folder + ": ncp.receiving.profiles-dir is not a directory");
            } else {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
                    stream.forEach(files::add);
                } catch (IOException e) {
                    problems.add(folder + ": could not be listed: " + e.getMessage());
                }
                files.sort(Comparator.comparing(Path::toString));
                for (Path file : files) {
                    read(file.toString(), () -> Files.readString(file, StandardCharsets.UTF_8), profiles, problems);
                }
            }
        }
        for (RequirementProfile profile : profiles) {
            RequirementProfile earlier = byId.computeIfAbsent(profile.id(), k -> new TreeMap<>())
                    .putIfAbsent(profile.version(), profile);
            if (earlier != null) {
                problems.add(profile.source() + ": $.version: profile '" + profile.id() + "' version "
                        + profile.version() + " is also in " + earlier.source());
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        this.all = List.copyOf(profiles);
    }

    /** The latest version of a profile this receiver may use. */
    public Optional<RequirementProfile> find(String receiverId, String profileId) {
        TreeMap<Integer, RequirementProfile> versions = byId.get(profileId);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.descendingMap().values().stream().filter(p -> p.isFor(receiverId)).findFirst();
    }

    /** One version of a profile, when this receiver may use it. */
    public Optional<RequirementProfile> find(String receiverId, String profileId, int version) {
        TreeMap<Integer, RequirementProfile> versions = byId.get(profileId);
        return Optional.ofNullable(versions == null ? null : versions.get(version)).filter(p -> p.isFor(receiverId));
    }

    /** Every version of every profile, built-in ones first, in the order read. */
    public List<RequirementProfile> all() {
        return all;
    }

    private interface Text {
        String read() throws IOException;
    }

    private static void read(String source, Text text, List<RequirementProfile> out, List<String> problems) {
        try {
            out.add(ProfileParser.parse(source, text.read()));
        } catch (ProfileException e) {
            problems.addAll(e.problems());
        } catch (IOException | UncheckedIOException e) {
            problems.add(source + ": could not be read: " + e.getMessage());
        }
    }

    private static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        for (String line : classpathText(BUILT_IN + "index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String classpathText(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RequirementProfiles.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("not on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
