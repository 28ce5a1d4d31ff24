package io.cloudsword.gateway.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("CustomsCheck")
@Description("The answer to a customs shipment check, line by line, in one round trip.")
public class CustomsCheckView {
    @Description("The authority the declaration was checked for (EU_AFA, US_CBP, ...).")
    @NonNull
    public String authority;
    @Description("EU, US or CN: whose deadline rule applies; null for authorities without a modelled rule.")
    public String jurisdiction;
    @Description("The declaration's reference, as given.")
    @NonNull
    public String declarationId;
    @Description("Country of origin, ISO alpha-2.")
    @NonNull
    public String origin;
    @Description("Where recordations were matched: the office's country, or EU for the whole Union.")
    @NonNull
    public String territory;
    @Description("The date of the check; the deadlines count from it.")
    @NonNull
    public LocalDate checkedOn;
    @Description("The highest risk level of any line.")
    @NonNull
    public String riskLevel;
    @Description("Lines with risk level HIGH.")
    public int highRiskLines;
    @Description("One answer per declaration line, in declaration order.")
    @NonNull
    public List<@NonNull CustomsLineView> lines;
}
