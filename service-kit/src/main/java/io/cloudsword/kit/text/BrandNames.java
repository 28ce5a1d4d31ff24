package io.cloudsword.kit.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a brand name the way people disguise or mistype it, so "ＮＩＫＥ", "n i k e" and "Nïke"
 * all become "nike": compatibility forms (full-width) to their plain letters, accents dropped,
 * case folded, spacing and punctuation removed. Scripts without case (Chinese) pass through.
 */
public final class BrandNames {

    private BrandNames() {
    }

    public static String fold(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String noAccents = Normalizer.normalize(compatible, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[\\p{Z}\\s\\p{P}]+", "");
    }
}
