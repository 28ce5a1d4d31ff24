package io.cloudsword.support.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs dev and test tokens. It is generated on the machine that uses it
 * (never committed), so no production issuer can accept what it signs.
 */
public record DevKeys(PrivateKey privateKey, PublicKey publicKey) {

    static final String PRIVATE_FILE = "dev-token-signing.key";
    static final String PUBLIC_FILE = "dev-token-signing.pub";

    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** Loads the pair from {@code dir}, generating and saving it on first use. */
    public static synchronized DevKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new DevKeys(
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile))),
                        rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile))));
            }
            DevKeys keys = generate();
            Files.createDirectories(dir);
            writePem(privateFile, "PRIVATE KEY", keys.privateKey.getEncoded());
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            writePem(publicFile, "PUBLIC KEY", keys.publicKey.getEncoded());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev token keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The dev token keys in " + dir + " are unreadable; delete them to regenerate",
                    e);
        }
    }

    /** Base64 of the DER public key: the form {@code quarkus.oidc.public-key} takes. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] readPem(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
