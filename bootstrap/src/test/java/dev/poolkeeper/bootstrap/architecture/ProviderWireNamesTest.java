package dev.poolkeeper.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No provider wire name outside its slice: the string constants of the production classes are read from
 * their class files, and a constant of a provider's package that looks like an API field or operation name
 * (camel case, or words joined by {@code _}/{@code -}) and is not Poolkeeper's own API vocabulary must not
 * appear in a class of any other package. ArchUnit sees types and calls, not literals, hence the class files.
 */
class ProviderWireNamesTest {
    private static final String PROVIDERS = "dev/poolkeeper/adapters/providers/";
    private static final List<String> SLICES = List.of("vonage", "telnyx", "pinpoint", "sandbox", "numpool");
    /** API-ish: {@code TwoWayEnabled}, {@code messagingProfileId}, {@code number_pool_settings}, {@code error-text}. */
    private static final Pattern WIRE = Pattern.compile(
            "[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+|[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+");

    /** Every production class's file, by its path ({@code dev/poolkeeper/…/X.class}), in a folder or a jar. */
    private static Map<String, URI> classFiles() {
        Map<String, URI> files = new TreeMap<>();
        // the modules' test jars (stubs, contract tests) are on this classpath too: they are not production code
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("dev.poolkeeper")) {
            if (!c.getSimpleName().startsWith("$") && !c.getName().contains(".$")) {
                // (Micronaut's generated bean definitions spell out Java parameter names, not wire names)
                c.getSource().ifPresent(source -> files.put(c.getName().replace('.', '/') + ".class", source.getUri()));
            }
        }
        return files;
    }

    /** The CONSTANT_String entries of a class file's constant pool. */
    static Set<String> stringConstants(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        data.readInt();
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = data.readUTF();
                case 8 -> strings.add(data.readUnsignedShort());
                case 7, 16, 19, 20 -> data.readUnsignedShort();
                case 15 -> {
                    data.readUnsignedByte();
                    data.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                case 5, 6 -> {
                    data.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> constants = new HashSet<>();
        for (int index : strings) {
            constants.add(utf8[index]);
        }
        return constants;
    }

    private static Set<String> constants(URI file) {
        try (InputStream in = file.toURL().openStream()) {
            return stringConstants(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownApi() throws IOException {
        try (InputStream in = ProviderWireNamesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/poolkeeper.yml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The wire names found outside the slices whose APIs use them, each with where. */
    private static Set<String> misplaced(Map<String, URI> files, String ownApi) {
        // a name two providers' APIs share (Vonage's and Telnyx's total_pages) belongs to both slices
        Map<String, Set<String>> wireNames = new TreeMap<>();
        files.forEach((name, path) -> SLICES.stream().filter(s -> name.startsWith(PROVIDERS + s + "/")).findFirst()
                .ifPresent(slice -> constants(path).stream()
                        .filter(c -> WIRE.matcher(c).matches() && !ownApi.contains(c))
                        .forEach(c -> wireNames.computeIfAbsent(c, k -> new TreeSet<>()).add(slice))));
        assertTrue(wireNames.size() > 20, "the slices' wire names were found: " + wireNames);
        Set<String> misplaced = new TreeSet<>();
        files.forEach((name, path) -> {
            String owner = SLICES.stream().filter(s -> name.startsWith(PROVIDERS + s + "/")).findFirst().orElse("");
            for (String c : constants(path)) {
                Set<String> slices = wireNames.getOrDefault(c, Set.of(owner));
                if (!slices.contains(owner)) {
                    misplaced.add(slices + " wire name '" + c + "' in " + name);
                }
            }
        });
        return misplaced;
    }

    @Test
    void noProviderWireNameIsSpelledOutsideItsSlice() throws IOException {
        Map<String, URI> files = classFiles();
        assertTrue(files.size() > 200, "the production classes were found: " + files.size());
        assertEquals(Set.of(), misplaced(files, ownApi()));
    }

    /** What the rule would catch: a Telnyx field name spelled in the domain. */
    static final class Planted {
        static String profileField() {
            return "messaging_profile_id";
        }
    }

    @Test
    void aWireNameSpelledInTheCoreIsCaught() throws Exception {
        Map<String, URI> files = new TreeMap<>(classFiles());
        files.put("dev/poolkeeper/domain/Planted.class", Planted.class.getResource("ProviderWireNamesTest$Planted.class")
                .toURI());
        assertEquals(Set.of("[telnyx] wire name 'messaging_profile_id' in dev/poolkeeper/domain/Planted.class"),
                misplaced(files, ownApi()));
    }
}
