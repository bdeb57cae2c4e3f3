package dev.poolkeeper.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the embedded development run only: the key that encrypts provider credentials, kept in a file next to
 * the database (owner-only permissions) and made at the first start. Production sets
 * {@code POOLKEEPER_SECRETS_KEYS} from its secret store instead.
 */
final class LocalSecretKey {
    private LocalSecretKey() {
    }

    /** The {@code poolkeeper.secrets.keys} value the file holds, creating the file with a new key if absent. */
    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String value = "local-1:" + Base64.getEncoder().encodeToString(key);
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local secrets key " + file, e);
        }
    }
}
