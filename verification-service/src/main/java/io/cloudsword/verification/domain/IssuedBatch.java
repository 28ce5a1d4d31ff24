package io.cloudsword.verification.domain;

import java.util.UUID;

import io.cloudsword.verification.codes.CodeKey;
import io.cloudsword.verification.codes.DigitalLink;
import io.cloudsword.verification.codes.SerialCodec;
import io.cloudsword.verification.log.LogEntries;

/**
 * What derives a batch's codes: code {@code i} has serial {@code serial(key, gtin, nonceFirst + i)}.
 * Nothing per code is stored; this is all a code needs.
 */
public record IssuedBatch(UUID id, UUID ownerId, UUID brandId, String gtin14, long quantity, String resolverHost,
        UUID keyId, int keyVersion, CodeKey key, long nonceFirst) {

    /** One issuer per thread: HMAC instances are not thread-safe. */
    public SerialCodec.Issuer issuer() {
        return SerialCodec.issuer(key, gtin14);
    }

    public String digitalLink(String serial) {
        return DigitalLink.of("code", resolverHost, gtin14, serial).uri();
    }

    /** The bytes of code {@code index}'s transparency-log entry. */
    public byte[] logEntry(SerialCodec.Issuer issuer, long index) {
        return LogEntries.code(gtin14, issuer.serial(nonceFirst + index), id, index);
    }
}
