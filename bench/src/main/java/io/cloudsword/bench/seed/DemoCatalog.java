package io.cloudsword.bench.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic synthetic catalogue at the field's scale (DOMAIN.md: 400 brands, 12,000
 * product kinds): rights owners, brands with aliases in Latin, Chinese, Cyrillic and Japanese
 * scripts, one GS1 company prefix each, products with valid GTIN-13s under that prefix, HS codes
 * and MSRPs per market, trademarks, authorized sellers and customs recordations. The same seed
 * gives the same catalogue on every machine, so benchmark runs are comparable.
 */
public final class DemoCatalog {

    public record Owner(String legalName, String country, String tradeRegisterNumber) {
    }

    public record Msrp(String country, String currency, long amountMinor) {
    }

    public record Product(String gtin13, String name, String hsCode, List<Msrp> msrps) {
    }

    public record Trademark(String office, String registrationNumber, List<Integer> niceClasses, String territory,
            LocalDate registered, LocalDate expires) {
    }

    public record Seller(String platform, String shopId, List<String> territories) {
    }

    public record Recordation(String authority, String number, List<String> hsCodes, List<String> territories) {
    }

    public record Brand(int ownerIndex, String name, List<String> aliases, String gs1Prefix, String domain,
            boolean exclusiveDistribution, List<Product> products, List<Trademark> trademarks, List<Seller> sellers,
            Recordation recordation) {
    }

    public record Catalog(List<Owner> owners, List<Brand> brands) {
        public int productCount() {
            return brands.stream().mapToInt(b -> b.products().size()).sum();
        }
    }

    static final String[] LATIN = { "ka", "ro", "ve", "lu", "mi", "sa", "to", "na", "ze", "li", "do", "ra", "vi", "no",
            "ta", "ri" };
    static final String[] HAN = { "卡", "罗", "维", "卢", "米", "萨", "托", "纳", "泽", "里", "多", "拉", "薇", "诺", "塔", "丽" };
    static final String[] CYRILLIC = { "ка", "ро", "ве", "лу", "ми", "са", "то", "на", "зе", "ли", "до", "ра", "ви",
            "но", "та", "ри" };
    static final String[] KATAKANA = { "カ", "ロ", "ヴェ", "ル", "ミ", "サ", "ト", "ナ", "ゼ", "リ", "ド", "ラ", "ヴィ", "ノ",
            "タ", "レ" };
    /** Goods that are counterfeited most, with a Nice class for their marks. */
    static final String[][] GOODS = { { "640411", "25", "running shoe" }, { "420221", "18", "handbag" },
            { "910211", "14", "wrist watch" }, { "330499", "3", "face cream" }, { "611020", "25", "knit sweater" },
            { "950300", "28", "toy figure" }, { "851830", "9", "headphones" }, { "900410", "9", "sunglasses" } };
    static final String[] COUNTRIES = { "DE", "US", "CN", "FR", "IT", "JP", "GB", "KR" };
    static final String[] PLATFORMS = { "tmall", "jd", "amazon.de", "ebay-uk", "shopee" };
    static final String[] AUTHORITIES = { "EU_AFA", "US_CBP", "CN_GACC" };

    private DemoCatalog() {
    }

    public static Catalog generate(int brandCount, int productsPerBrand, long seed) {
        Random random = new Random(seed);
        int ownerCount = Math.max(1, brandCount / 4);
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < ownerCount; i++) {
            owners.add(new Owner(String.format(Locale.ROOT, "Demo Brands %03d Ltd", i), COUNTRIES[i % COUNTRIES.length],
                    String.format(Locale.ROOT, "DEMO-%05d", i)));
        }
        List<Brand> brands = new ArrayList<>();
        for (int b = 0; b < brandCount; b++) {
            int[] syllables = { b % 16, (b / 16) % 16, (b / 256) % 16 }; // unique for up to 4,096 brands
            String name = capitalize(join(LATIN, syllables));
            // 7-digit GS1 prefixes, all the same length, so none nests inside another
            String prefix = String.format(Locale.ROOT, "40%05d", 10_000 + b);
            String[] goods = GOODS[b % GOODS.length];
            List<Product> products = new ArrayList<>();
            for (int p = 0; p < productsPerBrand; p++) {
                String body = prefix + String.format(Locale.ROOT, "%05d", p);
                long euros = 2_000 + random.nextInt(48_000);
                products.add(new Product(body + checkDigit(body), name + " " + goods[2] + " " + (p + 1), goods[0],
                        List.of(new Msrp("DE", "EUR", euros), new Msrp("US", "USD", euros * 108 / 100),
                                new Msrp("CN", "CNY", euros * 78 / 10))));
            }
            LocalDate registered = LocalDate.of(2015 + b % 10, 1 + b % 12, 1 + b % 28);
            List<Trademark> trademarks = List.of(
                    new Trademark("CNIPA", String.format(Locale.ROOT, "%08d", 30_000_000 + b),
                            List.of(Integer.parseInt(goods[1])), "CN", registered, registered.plusYears(10)),
                    new Trademark("USPTO", String.format(Locale.ROOT, "%08d", 80_000_000 + b),
                            List.of(Integer.parseInt(goods[1])), "US", registered, registered.plusYears(10)));
            List<Seller> sellers = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                sellers.add(new Seller(PLATFORMS[s], "shop-" + name.toLowerCase(Locale.ROOT) + "-" + s,
                        List.of(COUNTRIES[(b + s) % COUNTRIES.length])));
            }
            String authority = AUTHORITIES[b % AUTHORITIES.length];
            brands.add(new Brand(b % ownerCount, name,
                    List.of(join(HAN, syllables), capitalize(join(CYRILLIC, syllables)), join(KATAKANA, syllables)),
                    prefix, name.toLowerCase(Locale.ROOT) + ".example", b % 5 == 0, products, trademarks, sellers,
                    new Recordation(authority, authority + "-" + String.format(Locale.ROOT, "%06d", b),
                            List.of(goods[0]), List.of(authority.equals("EU_AFA") ? "DE"
                                    : authority.equals("US_CBP") ? "US" : "CN"))));
        }
        return new Catalog(owners, brands);
    }

    static int checkDigit(String digits) {
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static String join(String[] alphabet, int[] syllables) {
        StringBuilder out = new StringBuilder();
        for (int s : syllables) {
            out.append(alphabet[s]);
        }
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
