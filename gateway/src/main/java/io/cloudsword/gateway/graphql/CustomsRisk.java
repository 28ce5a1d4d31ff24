package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The risk of one declaration line, as reasons an officer can read and repeat in a detention
 * notice. Pure: the facts come from the services, the rules are here.
 *
 * <p>Each reason has a weight: HIGH reasons (the GTIN belongs to another brand, a code was never
 * issued or looks cloned, a code's GTIN is not the line's) make the line HIGH on their own; MEDIUM
 * reasons (no brand owns the GTIN, a recorded right and a consignor who is not an authorized
 * distributor, a value far below the MSRP, a malformed or otherwise suspect code) make it MEDIUM,
 * and two or more of them HIGH. No reason: LOW.
 */
final class CustomsRisk {

    enum Level {
        LOW, MEDIUM, HIGH
    }

    /** A declared value per unit under this share of the MSRP is "far below" (a 70 % discount). */
    static final double FAR_BELOW_MSRP = 0.30;

    /** Clone signs among verification-service's suspect reasons. */
    static final Set<String> CLONE_SIGNS = Set.of("SCAN_COUNT_EXCEEDED", "IMPOSSIBLE_TRAVEL");

    record Reason(String code, Level weight, String text) {
    }

    record Assessment(Level level, List<Reason> reasons) {
    }

    /** A scanned code's outcome: verdict GENUINE/SUSPECT/INVALID, or a malformed code (error reason set). */
    record Code(String code, String verdict, List<String> suspectReasons, String gtin14, String errorReason) {
    }

    /** What is known of a line. Names are for the texts; null where unknown. */
    record Facts(String declaredBrand, Set<String> declaredBrandIds, String gtin14, boolean gtinOwnerFound,
            String gtinOwnerBrandId, String gtinOwnerBrandName, boolean recorded, boolean consignorAuthorized,
            String consignorName, List<Code> codes, Long unitValueMinor, String valueCurrency, Long msrpMinor,
            String msrpCountry) {
    }

    private CustomsRisk() {
    }

    static Assessment assess(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        boolean declared = f.declaredBrand() != null && !f.declaredBrand().isEmpty();
        if (f.gtin14() != null) {
            if (f.gtinOwnerFound() && declared && !f.declaredBrandIds().contains(f.gtinOwnerBrandId())) {
                reasons.add(new Reason("GTIN_OWNER_MISMATCH", Level.HIGH, "The GTIN " + f.gtin14()
                        + " falls under a GS1 company prefix of " + quoted(f.gtinOwnerBrandName())
                        + ", not of the declared brand " + quoted(f.declaredBrand()) + "."));
            } else if (!f.gtinOwnerFound()) {
                reasons.add(new Reason("NO_GTIN_OWNER", Level.MEDIUM, "No registered brand owns the GS1 company prefix "
                        + "of the GTIN " + f.gtin14() + "."));
            }
        }
        if (f.recorded() && !f.consignorAuthorized()) {
            reasons.add(new Reason("CONSIGNOR_NOT_AUTHORIZED", Level.MEDIUM, "A recordation with this authority covers "
                    + "the goods, and the consignor " + quoted(f.consignorName())
                    + " is not among its authorized distributors."));
        }
        for (Code c : f.codes()) {
            if (c.errorReason() != null) {
                reasons.add(new Reason("CODE_MALFORMED", Level.MEDIUM, "The scanned code " + quoted(c.code())
                        + " is not a valid GS1 Digital Link (" + c.errorReason() + ")."));
            } else if ("INVALID".equals(c.verdict())) {
                reasons.add(new Reason("CODE_INVALID", Level.HIGH, "The scanned code " + quoted(c.code())
                        + " was never issued by the brand (or its check value fails)."));
            } else {
                if ("SUSPECT".equals(c.verdict())) {
                    boolean clone = c.suspectReasons().stream().anyMatch(CLONE_SIGNS::contains);
                    reasons.add(new Reason(clone ? "CODE_SUSPECTED_CLONE" : "CODE_SUSPECT",
                            clone ? Level.HIGH : Level.MEDIUM, "The scanned code " + quoted(c.code()) + " is suspect ("
                                    + String.join(", ", c.suspectReasons()) + ")"
                                    + (clone ? ": it looks copied." : ".")));
                }
                if (f.gtin14() != null && c.gtin14() != null && !c.gtin14().isEmpty() && !c.gtin14().equals(f.gtin14())) {
                    reasons.add(new Reason("CODE_GTIN_MISMATCH", Level.HIGH, "The scanned code " + quoted(c.code())
                            + " belongs to the GTIN " + c.gtin14() + ", not to the declared GTIN " + f.gtin14() + "."));
                }
            }
        }
        if (f.unitValueMinor() != null && f.msrpMinor() != null && f.msrpMinor() > 0
                && f.unitValueMinor() < FAR_BELOW_MSRP * f.msrpMinor()) {
            reasons.add(new Reason("VALUE_FAR_BELOW_MSRP", Level.MEDIUM, "The declared value per unit ("
                    + f.unitValueMinor() + " " + f.valueCurrency() + " minor units) is under 30 % of the product's "
                    + "MSRP in " + f.msrpCountry() + " (" + f.msrpMinor() + " " + f.valueCurrency() + ")."));
        }
        return new Assessment(level(reasons), List.copyOf(reasons));
    }

    static Level level(List<Reason> reasons) {
        if (reasons.stream().anyMatch(r -> r.weight() == Level.HIGH)) {
            return Level.HIGH;
        }
        long medium = reasons.stream().filter(r -> r.weight() == Level.MEDIUM).count();
        return medium >= 2 ? Level.HIGH : medium == 1 ? Level.MEDIUM : Level.LOW;
    }

    private static String quoted(String s) {
        return s == null || s.isEmpty() ? "(unknown)" : "\"" + s + "\"";
    }
}
