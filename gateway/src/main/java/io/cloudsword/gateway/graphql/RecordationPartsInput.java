package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.DetentionContact;
import io.cloudsword.api.brand.v1.IdentificationAid;
import io.cloudsword.api.brand.v1.TradeParty;

/** The parts of a customs recordation that are themselves objects, as inputs. */
final class RecordationPartsInput {
    private RecordationPartsInput() {
    }

    @Input("TradePartyInput")
    public static class Party {
        @NonNull
        public String name;
        @NonNull
        public String country;
        @Description("Registration identifier, e.g. an EU EORI; matching prefers it over the name")
        public String identifier;

        static List<TradeParty> toProto(List<Party> parties) {
            return parties == null ? List.of()
                    : parties.stream().map(p -> TradeParty.newBuilder().setName(p.name).setCountry(p.country)
                            .setIdentifier(Inputs.orEmpty(p.identifier)).build()).toList();
        }
    }

    @Input("DetentionContactInput")
    public static class Contact {
        @NonNull
        public String name;
        public String organization;
        @NonNull
        public String email;
        @NonNull
        public String phone;
        public String address;
        @Description("BCP 47, e.g. \"en\", \"zh-Hans\"")
        public List<@NonNull String> languages;

        DetentionContact toProto() {
            return DetentionContact.newBuilder().setName(name).setOrganization(Inputs.orEmpty(organization))
                    .setEmail(email).setPhone(phone).setAddress(Inputs.orEmpty(address))
                    .addAllLanguages(Inputs.orEmpty(languages)).build();
        }
    }

    @Input("IdentificationAidInput")
    public static class Aid {
        @NonNull
        public String description;
        public String language;
        public List<@NonNull String> imageHashes;
        public List<@NonNull String> documentSha256s;

        static List<IdentificationAid> toProto(List<Aid> aids) {
            return aids == null ? List.of()
                    : aids.stream().map(a -> IdentificationAid.newBuilder().setDescription(a.description)
                            .setLanguage(Inputs.orEmpty(a.language)).addAllImageHashes(Inputs.orEmpty(a.imageHashes))
                            .addAllDocumentSha256S(Inputs.orEmpty(a.documentSha256s)).build()).toList();
        }
    }
}
