package io.cloudsword.gateway.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.CustomsAuthority;
import io.cloudsword.api.brand.v1.CustomsLineMatch;
import io.cloudsword.api.brand.v1.CustomsRecordation;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.verification.v1.CodeVerificationResult;
import io.cloudsword.api.verification.v1.SuspectReason;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * The customs shipment check (issue 7): one query answers a whole declaration line by line, with
 * a constant number of service calls (see {@link CustomsCalls}). The rules live in the pure
 * {@link CustomsCheckInput} (validation), {@link CustomsRisk} (risk) and {@link CustomsDeadlines}
 * (legal deadlines); this class checks the caller and puts the answers together.
 */
@GraphQLApi
public class CustomsGraph {

    private final CustomsCalls calls;

    public CustomsGraph(CustomsCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("Checks a customs declaration of up to 1,000 lines in one round trip: per line the GTIN's prefix owner "
            + "versus the declared brand, the recordations with the authority that cover the brand and HS code (with "
            + "the detention contact), whether the consignor is an authorized distributor, each scanned code's verdict "
            + "(recorded as a customs scan), a risk level with reasons, and the rights holder's deadline if the goods "
            + "are detained. Customs officers of the declaration's authority (token claim customs_authority; another "
            + "authority is FORBIDDEN / NOT_OWNER) and admins. Bad input is INVALID_ARGUMENT before any call "
            + "(TOO_MANY_ITEMS over 1,000 lines or codes, INVALID_GTIN, INVALID_HS_CODE, VALUE_OUT_OF_RANGE, "
            + "INVALID_DATE, INVALID_COUNTRY, FIELD_REQUIRED) with the field, e.g. declaration.lines[3].gtin.")
    public Uni<CustomsCheckView> customsCheck(
            @Description("The declaration to check, up to 1,000 lines.") @NonNull CustomsCheckInput declaration) {
        return calls.gather(caller -> {
            // the role before anything about the declaration is looked at
            caller.require(Role.CUSTOMS, Role.ADMIN);
            mayCheck(caller, declaration.parseAuthority());
            return declaration.validate();
        }).map(g -> answer(g.declaration(), g));
    }

    /** Customs officers for their own authority only; admins for any. */
    static void mayCheck(Caller caller, CustomsAuthority authority) {
        caller.require(Role.CUSTOMS, Role.ADMIN);
        if (caller.is(Role.ADMIN)) {
            return;
        }
        String claim = caller.customsAuthority() == null ? ""
                : caller.customsAuthority().strip().toUpperCase(Locale.ROOT).replaceFirst("^CUSTOMS_AUTHORITY_", "");
        if (!claim.equals(Enums.name(authority, CustomsRecordationView.AUTHORITY))) {
            throw new ApiError(ErrorCode.FORBIDDEN, "declaration.authority", "NOT_OWNER",
                    "A customs officer checks declarations of its own authority only");
        }
    }

    static CustomsCheckView answer(CustomsCheckInput.Checked d, CustomsCalls.Gathered g) {
        Map<String, CustomsRecordationView> recordations = new HashMap<>();
        for (CustomsRecordation r : g.match().getRecordationsList()) {
            recordations.put(r.getId(), CustomsRecordationView.of(r));
        }
        Map<Integer, CustomsLineMatch> matches = new HashMap<>();
        for (int i = 0; i < g.match().getMatchesCount(); i++) {
            CustomsLineMatch m = g.match().getMatches(i);
            matches.put(m.getIndex() == 0 ? i : m.getIndex(), m);
        }
        List<CustomsLineView> lines = new ArrayList<>(d.lines().size());
        int code = 0;
        for (CustomsCheckInput.Line l : d.lines()) {
            List<CodeVerificationResult> codeResults = new ArrayList<>();
            for (int j = 0; j < l.codes().size(); j++, code++) {
                codeResults.add(code < g.codeResults().size() ? g.codeResults().get(code)
                        : CodeVerificationResult.newBuilder().setCode(l.codes().get(j)).build());
            }
            lines.add(line(d, l, g, matches.get(l.index()), recordations, codeResults));
        }
        CustomsCheckView v = new CustomsCheckView();
        v.authority = Enums.name(d.authority(), CustomsRecordationView.AUTHORITY);
        CustomsDeadlines.Jurisdiction jurisdiction = CustomsDeadlines.jurisdiction(d.authority());
        v.jurisdiction = jurisdiction == null ? null : jurisdiction.name();
        v.declarationId = d.declarationId();
        v.origin = d.origin();
        v.territory = d.territory();
        v.checkedOn = d.date();
        v.lines = lines;
        v.highRiskLines = (int) lines.stream().filter(l -> "HIGH".equals(l.riskLevel)).count();
        v.riskLevel = lines.stream().map(l -> CustomsRisk.Level.valueOf(l.riskLevel))
                .max(Comparator.naturalOrder()).orElse(CustomsRisk.Level.LOW).name();
        return v;
    }

    private static CustomsLineView line(CustomsCheckInput.Checked d, CustomsCheckInput.Line l, CustomsCalls.Gathered g,
            CustomsLineMatch match, Map<String, CustomsRecordationView> recordations,
            List<CodeVerificationResult> codeResults) {
        CustomsLineView v = new CustomsLineView();
        v.index = l.index();
        v.description = l.description();
        v.declaredBrand = l.declaredBrand();
        v.declaredBrandIds = g.brandIdsByText().getOrDefault(l.declaredBrand(), List.of());
        v.gtin = l.gtin14();
        v.hsCode = l.hsCode();
        v.quantity = (int) l.quantity();
        v.perishable = l.perishable();
        if (l.hasValue()) {
            v.declaredValue = new ProductView.Money();
            v.declaredValue.amountMinor = l.valueMinor();
            v.declaredValue.currency = l.valueCurrency();
        }

        GtinOwnerResult owner = l.gtin14() == null ? null : g.ownersByGtin14().get(l.gtin14());
        if (l.gtin14() != null) {
            v.gtinOwner = new CustomsLineView.GtinOwner();
            if (owner != null && owner.getFound()) {
                Brand brand = g.brands().get(owner.getBrandId());
                v.gtinOwner.found = true;
                v.gtinOwner.brandId = owner.getBrandId();
                v.gtinOwner.brandName = brand == null ? null : brand.getName();
                v.gtinOwner.ownerId = owner.getOwnerId().isEmpty() ? null : owner.getOwnerId();
                v.gtinOwner.matchedPrefix = owner.getMatchedPrefix().isEmpty() ? null : owner.getMatchedPrefix();
                v.gtinOwner.registeredProduct = owner.getRegisteredProduct();
                v.gtinOwner.matchesDeclaredBrand = v.declaredBrandIds.contains(owner.getBrandId());
            }
        }

        v.recordations = match == null ? List.of()
                : match.getRecordationIdsList().stream().map(recordations::get).filter(r -> r != null).toList();
        v.consignorAuthorized = match != null && match.getConsignorAuthorized();
        v.gtinListedAsAuthentic = match != null && match.getGtinListedAsAuthentic();

        Product product = l.gtin14() == null ? null : g.productsByGtin14().get(l.gtin14());
        MarketPrice msrp = msrp(product, d.territory(), l.valueCurrency());
        v.msrp = msrp == null ? null : ProductView.Money.of(msrp.getPrice());

        List<CustomsRisk.Code> riskCodes = new ArrayList<>();
        v.codes = new ArrayList<>();
        for (int j = 0; j < codeResults.size(); j++) {
            CodeVerificationResult r = codeResults.get(j);
            CustomsLineView.CodeCheck c = new CustomsLineView.CodeCheck();
            c.code = l.codes().get(j);
            c.error = ItemErrorView.of(r.hasError(), r.getError());
            if (c.error != null) {
                // the service names the batch item; the officer knows the line and the code
                c.error.field = "declaration.lines[" + l.index() + "].scannedCodes[" + j + "]";
            }
            c.reasons = List.of();
            if (r.hasVerification()) {
                c.verdict = Enums.name(r.getVerification().getVerdict(), "VERDICT_");
                c.reasons = r.getVerification().getReasonsList().stream()
                        .map(CodeVerificationView.SuspectReasonView::of).toList();
                c.gtin = r.getVerification().getGtin().isEmpty() ? null : r.getVerification().getGtin();
                c.scanCount = r.getVerification().getScanCount();
            }
            v.codes.add(c);
            riskCodes.add(new CustomsRisk.Code(c.code, c.verdict,
                    r.hasVerification() ? r.getVerification().getReasonsList().stream()
                            .map(SuspectReason::getCode).map(s -> Enums.name(s, "SUSPECT_REASON_CODE_"))
                            .filter(s -> s != null).toList() : List.of(),
                    c.gtin, c.error == null ? (c.verdict == null ? "NO_ANSWER" : null) : c.error.code));
        }

        Long unitValue = l.hasValue() ? l.valueMinor() / l.quantity() : null;
        CustomsRisk.Assessment risk = CustomsRisk.assess(new CustomsRisk.Facts(l.declaredBrand(),
                new HashSet<>(v.declaredBrandIds), l.gtin14(), owner != null && owner.getFound(),
                owner == null ? null : owner.getBrandId(), v.gtinOwner == null ? null : v.gtinOwner.brandName,
                !v.recordations.isEmpty(), v.consignorAuthorized, d.consignorName().isEmpty() ? d.consignorIdentifier()
                        : d.consignorName(),
                riskCodes, unitValue, l.valueCurrency(), msrp == null || !l.hasValue() ? null
                        : msrp.getPrice().getAmountMinor(),
                msrp == null ? null : msrp.getCountry()));
        v.riskLevel = risk.level().name();
        v.riskReasons = risk.reasons().stream()
                .sorted(Comparator.comparing((CustomsRisk.Reason r) -> r.weight()).reversed())
                .map(CustomsLineView.RiskReason::of).toList();
        v.deadline = CustomsLineView.Deadline.of(CustomsDeadlines.deadline(d.authority(), d.date(), l.perishable()));
        return v;
    }

    /**
     * The MSRP to compare with: in the declared value's currency, the office's country first; with
     * no declared value, the office's country's MSRP for display. Null when none fits.
     */
    static MarketPrice msrp(Product product, String territory, String currency) {
        if (product == null) {
            return null;
        }
        List<MarketPrice> candidates = product.getMsrpsList().stream()
                .filter(m -> currency == null || m.getPrice().getCurrency().equals(currency)).toList();
        Optional<MarketPrice> local = candidates.stream().filter(m -> m.getCountry().equals(territory)).findFirst();
        if (local.isPresent()) {
            return local.get();
        }
        return currency == null || candidates.isEmpty() ? null : candidates.get(0);
    }
}
