package io.cloudsword.brand.domain;

import java.util.Set;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.text.BrandNames;

/** What a company submits to be registered as a rights owner, or the new values of an update. */
public record NewRightsOwner(String legalName, String country, String address, String phone, String email,
        String tradeRegisterNumber) {

    /** The fields UpdateRightsOwner may change. */
    public static final Set<String> UPDATABLE = Set.of("legal_name", "country", "address", "phone", "email",
            "trade_register_number");

    /** @return the same registration, trimmed and normalized; throws naming the first bad field */
    public NewRightsOwner validated() {
        String phoneNumber = Checks.text("phone", phone, 40);
        if (!phoneNumber.matches("\\+?[0-9 ()./-]{5,40}")) {
            throw DomainException.invalid("phone", "INVALID_FORMAT",
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

    static NewRightsOwner of(RightsOwner o) {
        return new NewRightsOwner(o.legalName, o.country, o.address, o.phone, o.email, o.tradeRegisterNumber);
    }

    /** These values where {@code paths} name a field, the current ones elsewhere. */
    NewRightsOwner with(NewRightsOwner changes, Set<String> paths) {
        return new NewRightsOwner(
                paths.contains("legal_name") ? changes.legalName : legalName,
                paths.contains("country") ? changes.country : country,
                paths.contains("address") ? changes.address : address,
                paths.contains("phone") ? changes.phone : phone,
                paths.contains("email") ? changes.email : email,
                paths.contains("trade_register_number") ? changes.tradeRegisterNumber : tradeRegisterNumber);
    }

    void applyTo(RightsOwner owner) {
        owner.legalName = legalName;
        owner.legalNameKey = BrandNames.fold(legalName);
        owner.country = country;
        owner.address = address;
        owner.phone = phone;
        owner.email = email;
        owner.tradeRegisterNumber = tradeRegisterNumber;
    }
}
