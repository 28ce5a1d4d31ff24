/**
 * Pure primitives for serialized codes: no framework, no database, JDK crypto only. The
 * verification service builds code batches, Verify and the resolver route around them.
 *
 * <ul>
 *   <li>{@link io.cloudsword.verification.codes.DigitalLink}: parses and formats GS1 Digital Link
 *       URIs {@code https://{host}/01/{gtin}[/22/..][/10/..]/21/{serial}} and the bare path form.
 *       Values are percent-decoded once, strictly (bad escapes, invalid or overlong UTF-8 refused),
 *       before the GS1 rules (GTIN check digit, GTIN-14 normalization, 1..20 characters of the GS1
 *       82-character set); formatting percent-encodes everything outside RFC 3986 unreserved.
 *       Refusals are INVALID_ARGUMENT with INVALID_DIGITAL_LINK, INVALID_GTIN or INVALID_SERIAL.</li>
 *   <li>{@link io.cloudsword.verification.codes.SerialCodec} and
 *       {@link io.cloudsword.verification.codes.CodeKey}: unforgeable serials. A serial is 20
 *       base64url characters (a subset of the 82-character set that never needs percent-encoding):
 *       <pre>
 *   K | NNNNNNN | MMMMMMMMMMMM
 *   1 char key id (6 bits, 0..63: which key checks it; lets keys rotate)
 *   7 chars nonce (42 bits, unique per key and GTIN: a per-key counter range reserved per batch)
 *  12 chars MAC   (72 bits = first 9 bytes of HMAC-SHA256(key, "cloudsword/serial/v1" 0x00 K gtin14 nonce64))
 *       </pre>
 *       Guessing a valid serial for a GTIN succeeds with probability 2^-72 per try. The check is
 *       constant-time in the serial's content and never throws on garbage.</li>
 *   <li>{@link io.cloudsword.verification.codes.ScanRules}: the SUSPECT reasons of a new scan of a
 *       valid code: too many scans, travel faster than 900 km/h between consecutive located scans
 *       (haversine, with slack for coarse locations), a scan outside the brand's distribution
 *       territories ("EU" = the 27 member states), a scan after a DELETE lifecycle event.</li>
 * </ul>
 */
package io.cloudsword.verification.codes;
