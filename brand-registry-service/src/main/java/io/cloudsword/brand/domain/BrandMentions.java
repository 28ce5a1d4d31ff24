package io.cloudsword.brand.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.text.MentionMatcher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Resolves brand mentions in many texts at once (listing-service sends titles and
 * descriptions in bulk). The matcher over every name and alias is built once and rebuilt only
 * when a brand changed: one cheap query for the latest BRAND change per request.
 */
@ApplicationScoped
public class BrandMentions {

    public static final int MAX_TEXTS = 1000;
    public static final int MAX_TEXT_LENGTH = 16_384;

    private record Built(long changeSequence, MentionMatcher matcher) {
    }

    private final AtomicReference<Built> current = new AtomicReference<>(new Built(-1, new MentionMatcher(List.of())));

    @WithSession
    public Uni<List<List<MentionMatcher.Mention>>> resolve(List<String> texts, Set<String> onlyBrands) {
        return Uni.createFrom().item(() -> {
            if (texts.size() > MAX_TEXTS) {
                throw DomainException.invalid("texts", "TOO_MANY_ITEMS", "At most " + MAX_TEXTS + " texts per call, got "
                        + texts.size());
            }
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).length() > MAX_TEXT_LENGTH) {
                    throw DomainException.invalid("texts[" + i + "]", "FIELD_TOO_LONG",
                            "texts[" + i + "] is longer than " + MAX_TEXT_LENGTH + " characters");
                }
            }
            return texts;
        }).flatMap(ok -> matcher()).map(matcher -> {
            List<List<MentionMatcher.Mention>> results = new ArrayList<>(texts.size());
            texts.forEach(text -> results.add(matcher.find(text, onlyBrands)));
            return results;
        });
    }

    private Uni<MentionMatcher> matcher() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT COALESCE(max(sequence), 0) FROM brand_change WHERE kind = 'BRAND'", Long.class)
                .getSingleResult()
                .flatMap(latest -> {
                    Built built = current.get();
                    if (built.changeSequence() == latest) {
                        return Uni.createFrom().item(built.matcher());
                    }
                    return Brand.<Brand>listAll().map(brands -> {
                        List<MentionMatcher.Name> names = new ArrayList<>();
                        for (Brand b : brands) {
                            names.add(new MentionMatcher.Name(b.id.toString(), b.name));
                            b.aliases.forEach(alias -> names.add(new MentionMatcher.Name(b.id.toString(), alias)));
                        }
                        MentionMatcher matcher = new MentionMatcher(names);
                        current.set(new Built(latest, matcher));
                        return matcher;
                    });
                }));
    }
}
