package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.BrandMention;
import io.cloudsword.api.brand.v1.TextBrandMentions;

@Name("TextBrandMentions")
@Description("The brand mentions found in one of the texts asked about.")
public class BrandMentionsView {
    @Description("Index of the text in the request.")
    public int index;
    @Description("The brand mentions in the text, by start offset; empty when none.")
    @NonNull
    public List<@NonNull Mention> mentions;

    @Description("One place in a text where a brand's name or alias occurs as a whole word.")
    @Name("BrandMention")
    public static class Mention {
        @Description("The brand whose name or alias matched.")
        @Id
        @NonNull
        public String brandId;
        @Description("The registered name or alias that matched, as registered.")
        @NonNull
        public String matchedName;
        @Description("Half-open [start, end) offsets in UTF-16 code units (JavaScript string indices).")
        public int start;
        @Description("End offset (exclusive) of the match in UTF-16 code units.")
        public int end;
        @Description("The original text between start and end.")
        @NonNull
        public String matchedText;
    }

    static BrandMentionsView of(TextBrandMentions t) {
        BrandMentionsView v = new BrandMentionsView();
        v.index = t.getIndex();
        v.mentions = t.getMentionsList().stream().map(BrandMentionsView::mention).toList();
        return v;
    }

    private static Mention mention(BrandMention m) {
        Mention v = new Mention();
        v.brandId = m.getBrandId();
        v.matchedName = m.getMatchedName();
        v.start = m.getStart();
        v.end = m.getEnd();
        v.matchedText = m.getMatchedText();
        return v;
    }
}
