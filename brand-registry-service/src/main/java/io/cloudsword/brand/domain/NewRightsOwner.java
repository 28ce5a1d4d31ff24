package io.cloudsword.brand.domain;

import io.cloudsword.kit.error.Checks;

/** What a company submits to be registered as a rights owner. */
public record NewRightsOwner(String legalName, String country, String address, String phone, String email,
        String tradeRegisterNumber) {

    /** @return the same registration, trimmed and normalized; throws naming the first bad field */
    public NewRightsOwner validated() {
        String phoneNumber = Checks.text("phone", phone, 40);
        if (!phoneNumber.matches("\\+?[0-9 ()./-]{5,40}")) {
            throw io.cloudsword.kit.error.DomainException.invalid("phone", "INVALID_PHONE",
                    "phone must be a telephone number (digits, spaces, + ( ) . / -)");
        }
        return new NewRightsOwner(
                Checks.text("legal_name", legalName, 300),
                Checks.country("country", country),
                Checks.text("address", address, 1000),
                phoneNumber,
                Checks.email("email", email),
                Checks.text("trade_register_number", tradeRegisterNumber, 100));
    }
}
