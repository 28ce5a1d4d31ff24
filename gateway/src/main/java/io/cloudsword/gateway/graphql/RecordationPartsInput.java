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

    @Description("A company allowed to trade the goods: an importer or distributor.")
    @Input("TradePartyInput")
    public static class Party {
        @Description("The party's legal name.")
        @NonNull
        public String name;
        @Description("ISO 3166-1 alpha-2 country where the party is established.")
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

    @Description("Who customs should contact when they detain suspect goods.")
    @Input("DetentionContactInput")
    public static class Contact {
        @Description("Contact person's name.")
        @NonNull
        public String name;
        @Description("The organization the contact acts for (the rights owner or its representative).")
        public String organization;
        @Description("E-mail address customs write to.")
        @NonNull
        public String email;
        @Description("Phone number in international form, e.g. +49 30 1234567.")
        @NonNull
        public String phone;
        @Description("Postal address.")
        public String address;
        @Description("BCP 47, e.g. \"en\", \"zh-Hans\"")
        public List<@NonNull String> languages;

        DetentionContact toProto() {
            return DetentionContact.newBuilder().setName(name).setOrganization(Inputs.orEmpty(organization))
                    .setEmail(email).setPhone(phone).setAddress(Inputs.orEmpty(address))
                    .addAllLanguages(Inputs.orEmpty(languages)).build();
        }
    }

    @Description("Material that helps officers tell genuine goods from fakes: a description plus images and "
            + "documents by hash.")
    @Input("IdentificationAidInput")
    public static class Aid {
        @Description("How to recognize genuine goods (labels, packaging, security features), in the given language.")
        @NonNull
        public String description;
        @Description("BCP 47 language of the description, e.g. \"en\", \"zh-Hans\".")
        public String language;
        @Description("64-bit perceptual hashes (16 hex) of reference images.")
        public List<@NonNull String> imageHashes;
        @Description("SHA-256 (64 hex) of supporting documents held by the rights owner.")
        public List<@NonNull String> documentSha256s;

        static List<IdentificationAid> toProto(List<Aid> aids) {
            return aids == null ? List.of()
                    : aids.stream().map(a -> IdentificationAid.newBuilder().setDescription(a.description)
                            .setLanguage(Inputs.orEmpty(a.language)).addAllImageHashes(Inputs.orEmpty(a.imageHashes))
                            .addAllDocumentSha256S(Inputs.orEmpty(a.documentSha256s)).build()).toList();
        }
    }
}
