package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;

class SqlLookupsTest {

    @Test
    void theBasisFollowsBrandThenEntryThenTerritoryThenValidity() {
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND,
                SqlLookups.decide(false, false, null, null));
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED,
                SqlLookups.decide(true, false, null, null));
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY,
                SqlLookups.decide(true, true, false, false));
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY,
                SqlLookups.decide(true, true, true, false));
        assertEquals(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED,
                SqlLookups.decide(true, true, true, true));
    }
}
