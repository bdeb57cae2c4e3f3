package dev.poolkeeper.adapters.persistence.provider;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under keys from configuration: {@code poolkeeper.secrets.keys} is {@code id:base64,id:base64}
 * (32-byte keys), {@code poolkeeper.secrets.active-key} the one new ciphertexts use (default: the first).
 * Every ciphertext records its key id, so a new key can become active while the old one still reads what it
 * wrote; {@link ProviderConnectionPersistenceAdapter#reencrypt()} moves old rows to the active key.
 */
@Singleton
public final class SecretCipher {
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String active;

    /** A ciphertext, its nonce, and the id of the key that wrote it. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    public SecretCipher(@Value("${poolkeeper.secrets.keys:}") String keys,
                        @Value("${poolkeeper.secrets.active-key:}") String active) {
        for (String entry : keys.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("poolkeeper.secrets.keys: each key is <id>:<base64 of 32 bytes>");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("poolkeeper.secrets.keys: key " + entry.substring(0, colon).trim()
                        + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("poolkeeper.secrets.keys: key " + entry.substring(0, colon).trim()
                        + " is " + key.length + " bytes, not 32");
            }
            this.keys.put(entry.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
        }
        this.active = active.isBlank() ? this.keys.keySet().stream().findFirst().orElse(null) : active.trim();
        if (this.active != null && !this.keys.containsKey(this.active)) {
            throw new IllegalStateException("poolkeeper.secrets.active-key " + this.active + " is not among the keys");
        }
    }

    public Optional<String> activeKey() {
        return Optional.ofNullable(active);
    }

    public Sealed seal(String plaintext, String associatedData) {
        if (active == null) {
            throw new DomainException(ErrorCode.PROVIDER_CONNECTION_NOT_STORABLE, "this instance has no key to"
                    + " encrypt credentials with (set POOLKEEPER_SECRETS_KEYS)");
        }
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(active, nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("credentials were encrypted with key " + sealed.keyId()
                    + ", which poolkeeper.secrets.keys no longer holds");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credentials do not decrypt with key " + sealed.keyId()
                    + " (tampered, or moved from another row)", e);
        }
    }
}
