package org.opensync.common.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) of secret material, bound to a context such as the service principal id
 * so a sealed value cannot be replayed for another one. Sealed text is {@code v1:<key id>:<base64 nonce+ciphertext>};
 * the key id (a fingerprint of the key, not the key) picks the key that opens a value, so after a rotation the
 * active key seals new values while the previous keys keep opening older ones.
 */
public final class SecretBox {
    private static final String PREFIX = "v1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param activeKey    base64 of 32 random bytes; seals new values
     * @param previousKeys base64 keys still accepted for opening
     * @throws IllegalArgumentException when a key is not base64 of 32 bytes
     */
    public SecretBox(String activeKey, List<String> previousKeys) {
        this.activeKeyId = add(activeKey);
        previousKeys.forEach(this::add);
    }

    /** A fresh random key, base64-encoded, for configuration. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The bytes of a base64 key.
     *
     * @throws IllegalArgumentException saying what is wrong with it; the message never contains the key
     */
    static byte[] decodeKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("it is " + key.length + " bytes, not " + KEY_BYTES + " (256 bits)");
        }
        return key;
    }

    /** The fingerprint of the key that seals new values; every sealed value names the key that sealed it. */
    public String activeKeyId() {
        return activeKeyId;
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            return PREFIX + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /** @throws SecretUnavailableException when the value is malformed, sealed with an unknown key, or tampered */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new SecretUnavailableException("not a sealed secret");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretUnavailableException("sealed with key " + parts[1] + ", which is not configured; a "
                    + "rotated key must stay among the previous keys until every value sealed with it is rewritten");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnavailableException("the sealed secret does not open with key " + parts[1]
                    + " for this context (tampered or wrong key)");
        }
    }

    private String add(String base64Key) {
        byte[] key;
        try {
            key = decodeKey(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a secrets key must be base64 of 32 random bytes ('openssl rand "
                    + "-base64 32'), but " + e.getMessage());
        }
        String id = keyId(key);
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
