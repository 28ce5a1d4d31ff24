package io.cloudsword.kit;

import io.cloudsword.kit.error.DomainException;

/**
 * GTIN-8/12/13/14 (and GLN, SSCC: the same rule). The last digit is a check digit: weights
 * 3,1,3,1... from the right, check digit excluded; check = (10 - sum mod 10) mod 10.
 * Stored everywhere as GTIN-14, left-padded with zeros.
 */
public final class Gtin {

    private Gtin() {
    }

    /** @return the GTIN-14 form; throws INVALID_GTIN naming {@code field} when the input is not a valid GTIN */
    public static String toGtin14(String field, String value) {
        String digits = value == null ? "" : value.strip();
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || !(digits.length() == 8 || digits.length() == 12 || digits.length() == 13
                || digits.length() == 14)) {
            throw DomainException.invalid(field, "INVALID_GTIN",
                    field + " must be a GTIN of 8, 12, 13 or 14 digits, got '" + value + "'");
        }
        int expected = checkDigit(digits.substring(0, digits.length() - 1));
        int actual = digits.charAt(digits.length() - 1) - '0';
        if (expected != actual) {
            throw DomainException.invalid(field, "INVALID_GTIN",
                    field + " has check digit " + actual + " but its digits call for " + expected);
        }
        return "0".repeat(14 - digits.length()) + digits;
    }

    /** The check digit for the digits before it. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            sum += (digitsWithoutCheck.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }
}
