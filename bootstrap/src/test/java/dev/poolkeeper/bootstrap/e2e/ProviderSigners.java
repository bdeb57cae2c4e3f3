package dev.poolkeeper.bootstrap.e2e;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks as the providers do, with keys the tests make themselves: an HMAC secret for Vonage,
 * an Ed25519 key pair for Telnyx, and an RSA key with a self-signed certificate (made by the JDK's
 * keytool) standing in for Amazon SNS's signing certificate.
 */
final class ProviderSigners {
    static final String VONAGE_SECRET = "vonage-signature-secret-for-tests";

    private final KeyPair telnyx;
    private final PrivateKey snsKey;
    private final X509Certificate snsCertificate;

    ProviderSigners() {
        try {
            telnyx = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            File store = File.createTempFile("sns-signing", ".p12");
            store.delete();
            store.deleteOnExit();
            Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
                    "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=sns.test", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.getPath(), "-storepass", "changeit", "-keypass",
                    "changeit").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(store)) {
                keys.load(in, "changeit".toCharArray());
            }
            snsKey = (PrivateKey) keys.getKey("sns", "changeit".toCharArray());
            snsCertificate = (X509Certificate) keys.getCertificate("sns");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Telnyx public key as Mission Control shows it (base64). */
    String telnyxPublicKey() {
        return Base64.getEncoder().encodeToString(telnyx.getPublic().getEncoded());
    }

    String snsCertificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(snsCertificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Vonage SMS API signature (SHA-256 HMAC): sorted {@code &name=value}, {@code &} and {@code =} in values as {@code _}. */
    static String vonageSig(Map<String, String> params, String secret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> text.append('&').append(k).append('=')
                .append(v.replace('&', '_').replace('=', '_')));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Telnyx signature of {@code timestamp|body}. */
    String telnyxSignature(String timestamp, String body) {
        return sign("Ed25519", telnyx.getPrivate(), timestamp + "|" + body);
    }

    /** An SNS signature (version 2, SHA256withRSA) over the canonical string. */
    String snsSignature(String canonical) {
        return sign("SHA256withRSA", snsKey, canonical);
    }

    private static String sign(String algorithm, PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
