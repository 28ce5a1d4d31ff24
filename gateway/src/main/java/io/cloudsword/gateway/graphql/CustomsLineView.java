package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("CustomsLineCheck")
@Description("The check of one declaration line: GTIN owner versus declared brand, recordations, consignor, codes, risk "
        + "and the rights holder's deadline.")
public class CustomsLineView {
    @Description("Position of the line in the declaration, from 0.")
    public int index;
    @Description("The line's description of the goods, as declared.")
    @NonNull
    public String description;
    @Description("The brand declared on the goods, as written.")
    @NonNull
    public String declaredBrand;
    @Id
    @Description("Registered brands the declared brand names (by name or alias); empty when none.")
    @NonNull
    public List<@NonNull String> declaredBrandIds;
    @Description("The declared GTIN as GTIN-14; null when the line has none.")
    public String gtin;
    @Description("The declared HS code.")
    @NonNull
    public String hsCode;
    @Description("Declared number of units.")
    public int quantity;
    @Description("Declared value of the line; null when not declared.")
    public ProductView.Money declaredValue;
    @Description("Whether the goods were declared perishable (EU: 3 working days instead of 10).")
    public boolean perishable;
    @Description("Which brand owns the GTIN's GS1 company prefix (WCO IPM step 1); null when the line has no GTIN.")
    public GtinOwner gtinOwner;
    @Description("Recordations with this authority, in force on the declaration's date, that cover the line's brand "
            + "(declared or owning the GTIN's prefix) or list its GTIN as authentic, and its HS code. Each carries the "
            + "contact for the detention notice.")
    @NonNull
    public List<@NonNull CustomsRecordationView> recordations;
    @Description("The consignor is an authorized distributor on at least one of these recordations.")
    public boolean consignorAuthorized;
    @Description("The GTIN is listed as authentic goods on at least one of these recordations.")
    public boolean gtinListedAsAuthentic;
    @Description("The product's MSRP used for the value comparison (same currency as the declared value, the office's "
            + "country first); null when unknown.")
    public ProductView.Money msrp;
    @Description("The verdict of each scanned code, in the order given.")
    @NonNull
    public List<@NonNull CodeCheck> codes;
    @Description("LOW, MEDIUM or HIGH: HIGH with any HIGH reason or two MEDIUM ones, MEDIUM with one MEDIUM reason.")
    @NonNull
    public String riskLevel;
    @Description("Why the line is risky, strongest first; empty for LOW.")
    @NonNull
    public List<@NonNull RiskReason> riskReasons;
    @Description("The rights holder's deadline if these goods are detained on the declaration's date; null for "
            + "authorities without a modelled rule (JP_CUSTOMS, KR_KCS).")
    public Deadline deadline;

    @Name("CustomsGtinOwner")
    @Description("The brand whose GS1 company prefix covers a GTIN, compared with the declared brand.")
    public static class GtinOwner {
        @Description("A registered brand's prefix covers the GTIN.")
        public boolean found;
        @Id
        @Description("The owning brand; null when none.")
        public String brandId;
        @Description("The owning brand's name; null when none.")
        public String brandName;
        @Id
        @Description("The rights owner of that brand; null when none.")
        public String ownerId;
        @Description("The longest matching GS1 company prefix (GTIN-13 form); null when none.")
        public String matchedPrefix;
        @Description("The GTIN is also registered as a product of that brand.")
        public boolean registeredProduct;
        @Description("The owning brand is the declared brand; false when they differ or either is unknown.")
        public boolean matchesDeclaredBrand;
    }

    @Name("CustomsCodeCheck")
    @Description("A scanned code's verdict, recorded as a customs scan.")
    public static class CodeCheck {
        @Description("The code as scanned.")
        @NonNull
        public String code;
        @Description("GENUINE, SUSPECT or INVALID; null when the code is malformed (see error).")
        public String verdict;
        @Description("Why the code is SUSPECT; empty otherwise.")
        @NonNull
        public List<CodeVerificationView.@NonNull SuspectReasonView> reasons;
        @Description("GTIN-14 the code carries; null when it did not parse.")
        public String gtin;
        @Description("Scans recorded for the code, this one included; 0 for INVALID or malformed codes.")
        public long scanCount;
        @Description("Why the code could not be checked (INVALID_DIGITAL_LINK, INVALID_SERIAL, INVALID_GTIN); null "
                + "otherwise.")
        public ItemErrorView error;
    }

    @Name("CustomsRiskReason")
    @Description("One reason for a line's risk level.")
    public static class RiskReason {
        @Description("Stable code: GTIN_OWNER_MISMATCH, NO_GTIN_OWNER, CONSIGNOR_NOT_AUTHORIZED, CODE_INVALID, "
                + "CODE_SUSPECTED_CLONE, CODE_SUSPECT, CODE_MALFORMED, CODE_GTIN_MISMATCH, VALUE_FAR_BELOW_MSRP.")
        @NonNull
        public String code;
        @Description("HIGH or MEDIUM: how much this reason weighs.")
        @NonNull
        public String weight;
        @Description("A sentence an officer can read and quote.")
        @NonNull
        public String text;

        static RiskReason of(CustomsRisk.Reason r) {
            RiskReason v = new RiskReason();
            v.code = r.code();
            v.weight = r.weight().name();
            v.text = r.text();
            return v;
        }
    }

    @Name("CustomsDeadline")
    @Description("The rights holder's legal deadline after a detention notice.")
    public static class Deadline {
        @Description("EU, US or CN: whose rule applies (UK_HMRC follows the EU rule).")
        @NonNull
        public String jurisdiction;
        @Description("Working (business) days, Monday to Friday, counted from the day after the notice.")
        public int workingDays;
        @Description("The last day, ISO yyyy-MM-dd. Public holidays are not counted out: confirm against the office's "
                + "calendar.")
        @NonNull
        public LocalDate dueOn;
        @Description("The legal provision the period comes from.")
        @NonNull
        public String legalBasis;

        static Deadline of(CustomsDeadlines.Deadline d) {
            if (d == null) {
                return null;
            }
            Deadline v = new Deadline();
            v.jurisdiction = d.jurisdiction().name();
            v.workingDays = d.workingDays();
            v.dueOn = d.dueOn();
            v.legalBasis = d.legalBasis();
            return v;
        }
    }
}
