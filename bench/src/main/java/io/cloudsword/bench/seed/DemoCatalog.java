package io.cloudsword.bench.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic synthetic catalogue at the field's scale and shape (DOMAIN.md: 400 brands,
 * 12,000 product kinds). Every brand belongs to a rights owner (several brands each), declares one
 * GS1 company prefix of 6 to 12 digits (no prefix is a prefix of another, so a GTIN's
 * longest-prefix owner is always its own brand), and has products with valid GTINs under that
 * prefix, HS codes and MSRPs in several markets; 1 to 3 trademarks at different offices;
 * authorized sellers on several platforms for most brands; customs recordations for a good share.
 * The same seed gives the same catalogue on every machine, so benchmark runs are comparable.
 * Dates are fixed (not relative to today) for the same reason; marks stay in force until 2027+.
 */
public final class DemoCatalog {

    public record Owner(String legalName, String country, String tradeRegisterNumber, String address, String phone,
            String email) {
    }

    public record Msrp(String country, String currency, long amountMinor) {
    }

    public record Product(String gtin13, String name, String hsCode, List<Msrp> msrps) {
        public String gtin14() {
            return "0" + gtin13;
        }
    }

    public record Trademark(String office, String registrationNumber, String markText, List<Integer> niceClasses,
            List<String> territories, LocalDate registered, LocalDate expires, String evidenceSha256) {
    }

    /** Validity is [validFrom, validUntil) at UTC midnight; validUntil null = open-ended. */
    public record Seller(String platform, String shopId, List<String> territories, LocalDate validFrom,
            LocalDate validUntil) {
    }

    public record Party(String name, String country, String identifier) {
    }

    public record Contact(String name, String organization, String email, String phone, String address,
            List<String> languages) {
    }

    /** Covers the brand's trademarks at {@code trademarkIndexes} (positions in {@link Brand#trademarks()}). */
    public record Recordation(String authority, String number, List<Integer> trademarkIndexes, List<String> hsCodes,
            List<String> territories, List<String> authenticGtins, List<Party> authorizedDistributors,
            Contact detentionContact, LocalDate validFrom, LocalDate validUntil) {
    }

    public record Brand(int ownerIndex, String name, List<String> aliases, String gs1Prefix, String domain,
            boolean exclusiveDistribution, List<Product> products, List<Trademark> trademarks, List<Seller> sellers,
            List<Recordation> recordations) {

        /** How many GTINs the prefix leaves room for (item reference digits). */
        public long capacity() {
            return capacityOf(gs1Prefix.length());
        }
    }

    public record Catalog(List<Owner> owners, List<Brand> brands) {
        public int productCount() {
            return brands.stream().mapToInt(b -> b.products().size()).sum();
        }

        public int trademarkCount() {
            return brands.stream().mapToInt(b -> b.trademarks().size()).sum();
        }

        public int sellerCount() {
            return brands.stream().mapToInt(b -> b.sellers().size()).sum();
        }

        public int recordationCount() {
            return brands.stream().mapToInt(b -> b.recordations().size()).sum();
        }
    }

    static final String[] LATIN = { "ka", "ro", "ve", "lu", "mi", "sa", "to", "na", "ze", "li", "do", "ra", "vi", "no",
            "ta", "ri" };
    static final String[] HAN = { "卡", "罗", "维", "卢", "米", "萨", "托", "纳", "泽", "里", "多", "拉", "薇", "诺", "塔", "丽" };
    static final String[] CYRILLIC = { "ка", "ро", "ве", "лу", "ми", "са", "то", "на", "зе", "ли", "до", "ра", "ви",
            "но", "та", "ри" };
    static final String[] KATAKANA = { "カ", "ロ", "ヴェ", "ル", "ミ", "サ", "ト", "ナ", "ゼ", "リ", "ド", "ラ", "ヴィ", "ノ",
            "タ", "レ" };

    /** Goods that are counterfeited most: HS subheading, Nice class of their marks, name, MSRP range in euro cents. */
    record Goods(String hsCode, int niceClass, String name, int minCents, int maxCents) {
    }

    static final Goods[] GOODS = { new Goods("640411", 25, "running shoe", 6_000, 25_000),
            new Goods("420221", 18, "handbag", 25_000, 300_000), new Goods("910211", 14, "wrist watch", 15_000, 900_000),
            new Goods("330499", 3, "face cream", 2_000, 30_000), new Goods("611020", 25, "knit sweater", 4_000, 60_000),
            new Goods("950300", 28, "toy figure", 1_000, 15_000), new Goods("851830", 9, "headphones", 3_000, 60_000),
            new Goods("900410", 9, "sunglasses", 5_000, 50_000), new Goods("620342", 25, "jeans", 5_000, 30_000),
            new Goods("330300", 3, "eau de parfum", 4_000, 35_000) };

    /** Owners' countries; each has its own GS1 ranges (first three digits) and home trademark office. */
    static final String[] COUNTRIES = { "DE", "US", "CN", "FR", "IT", "JP", "GB", "KR" };
    private static final Map<String, Integer> GS1_RANGE = Map.of("DE", 400, "US", 60, "CN", 690, "FR", 300, "IT",
            800, "JP", 450, "GB", 500, "KR", 880);
    private static final Map<String, String> HOME_OFFICE = Map.of("DE", "EUIPO", "US", "USPTO", "CN", "CNIPA", "FR",
            "EUIPO", "IT", "EUIPO", "JP", "JPO", "GB", "UKIPO", "KR", "KIPO");
    private static final Map<String, String> PHONE_PREFIX = Map.of("DE", "+4930", "US", "+1212", "CN", "+8621", "FR",
            "+331", "IT", "+3902", "JP", "+813", "GB", "+4420", "KR", "+822");
    private static final String[] OTHER_OFFICES = { "CNIPA", "USPTO", "EUIPO", "WIPO" };
    private static final Map<String, String> OFFICE_TERRITORY = Map.of("CNIPA", "CN", "USPTO", "US", "EUIPO", "EU",
            "UKIPO", "GB", "JPO", "JP", "KIPO", "KR");
    /** Madrid designations of an international registration. */
    private static final List<String> WIPO_DESIGNATIONS = List.of("CH", "NO", "AU", "SG", "MX", "TR");

    /** Market, currency and its price in minor units per euro cent (JPY and KRW have no minor unit). */
    record Market(String country, String currency, double perEuroCent, long roundTo) {
    }

    static final Market[] MARKETS = { new Market("DE", "EUR", 1.0, 100), new Market("FR", "EUR", 1.0, 100),
            new Market("IT", "EUR", 1.0, 100), new Market("US", "USD", 1.08, 100), new Market("GB", "GBP", 0.86, 100),
            new Market("CN", "CNY", 7.8, 100), new Market("JP", "JPY", 1.6, 100), new Market("KR", "KRW", 14.5, 1000) };

    /** Platforms with the markets their shops sell to. */
    static final String[] PLATFORMS = { "taobao", "tmall", "jd", "amazon-de", "amazon-us", "amazon-jp", "ebay-uk" };
    private static final Map<String, List<String>> PLATFORM_MARKETS = Map.of("taobao", List.of("CN"), "tmall",
            List.of("CN"), "jd", List.of("CN"), "amazon-de", List.of("DE", "AT"), "amazon-us", List.of("US"),
            "amazon-jp", List.of("JP"), "ebay-uk", List.of("GB"));
    /** Retail shops per platform; a shop (a multi-brand retailer) is often authorized by several brands. */
    public static final int SHOPS_PER_PLATFORM = 150;

    /** Recordation authority that acts on a trademark of this office. */
    static final Map<String, String> OFFICE_AUTHORITY = Map.of("EUIPO", "EU_AFA", "USPTO", "US_CBP", "CNIPA",
            "CN_GACC");
    private static final Set<String> EU = Set.of("DE", "FR", "IT");

    /** Prefix length per brand is drawn from this table: mostly 7-9 digits, a few 6 and 10-12, as GS1 issues them. */
    private static final int[] PREFIX_LENGTHS = { 6, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10, 11, 12 };

    private DemoCatalog() {
    }

    public static Catalog generate(int brandCount, int productsPerBrand, long seed) {
        Random random = new Random(seed);
        int ownerCount = Math.max(1, brandCount / 4);
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < ownerCount; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            owners.add(new Owner(String.format(Locale.ROOT, "Demo Brands %03d %s", i, legalForm(country)), country,
                    String.format(Locale.ROOT, "DEMO-%s-%05d", country, i),
                    String.format(Locale.ROOT, "%d Demo Street, %s", 1 + i, country),
                    String.format(Locale.ROOT, "%s%07d", PHONE_PREFIX.get(country), 5_550_000 + i),
                    String.format(Locale.ROOT, "legal@owner%03d.demo-brands.example", i)));
        }

        int[] prefixLengths = new int[brandCount];
        String[] prefixes = new String[brandCount];
        Map<String, int[]> issued = new java.util.HashMap<>();
        for (int b = 0; b < brandCount; b++) {
            String country = owners.get(b % ownerCount).country();
            int length = PREFIX_LENGTHS[random.nextInt(PREFIX_LENGTHS.length)];
            // each (country, length) gets its own first three digits, so no prefix nests inside another
            int[] next = issued.computeIfAbsent(country + length, k -> new int[1]);
            prefixes[b] = String.format(Locale.ROOT, "%03d", GS1_RANGE.get(country) + length - 6)
                    + String.format(Locale.ROOT, "%0" + (length - 3) + "d", next[0]++);
            prefixLengths[b] = length;
        }
        int[] productCounts = productCounts(prefixLengths, productsPerBrand);

        List<Brand> brands = new ArrayList<>();
        for (int b = 0; b < brandCount; b++) {
            Owner owner = owners.get(b % ownerCount);
            int[] syllables = { b % 16, (b / 16) % 16, (b / 256) % 16 }; // unique for up to 4,096 brands
            String name = capitalize(join(LATIN, syllables));
            String domain = name.toLowerCase(Locale.ROOT) + ".example";
            List<Goods> goods = new ArrayList<>(List.of(GOODS[b % GOODS.length]));
            if (b % 3 == 0) {
                goods.add(GOODS[(b / 3 + 1) % GOODS.length]);
            }
            List<Market> markets = markets(owner.country(), random);
            List<Product> products = products(name, prefixes[b], productCounts[b], goods, markets, random);
            List<Trademark> trademarks = trademarks(b, name, syllables, owner.country(), goods, random);
            List<Seller> sellers = b % 10 < 7 ? sellers(random, b % 5 == 0) : List.of();
            List<Recordation> recordations = b % 5 < 3
                    ? recordations(b, name, owner, domain, trademarks, goods, products)
                    : List.of();
            brands.add(new Brand(b % ownerCount, name,
                    List.of(join(HAN, syllables), capitalize(join(CYRILLIC, syllables)), join(KATAKANA, syllables)),
                    prefixes[b], domain, b % 5 == 0, products, trademarks, sellers, recordations));
        }
        return new Catalog(owners, brands);
    }

    static long capacityOf(int prefixLength) {
        return (long) Math.pow(10, 12 - prefixLength);
    }

    /**
     * productsPerBrand each, except where a long prefix leaves less room (a 12-digit prefix
     * numbers a single product); the shortfall goes to brands with room, so the total stays
     * brands × productsPerBrand.
     */
    static int[] productCounts(int[] prefixLengths, int productsPerBrand) {
        int[] counts = new int[prefixLengths.length];
        long shortfall = 0;
        for (int b = 0; b < counts.length; b++) {
            counts[b] = (int) Math.min(productsPerBrand, capacityOf(prefixLengths[b]));
            shortfall += productsPerBrand - counts[b];
        }
        long room = 0;
        for (int b = 0; b < counts.length; b++) {
            room += capacityOf(prefixLengths[b]) - counts[b];
        }
        shortfall = Math.min(shortfall, room);
        for (int b = 0; shortfall > 0; b = (b + 1) % counts.length) {
            if (counts[b] < capacityOf(prefixLengths[b])) {
                counts[b]++;
                shortfall--;
            }
        }
        return counts;
    }

    private static List<Market> markets(String home, Random random) {
        Set<Market> chosen = new LinkedHashSet<>();
        for (Market m : MARKETS) {
            if (m.country().equals(home)) {
                chosen.add(m);
            }
        }
        int wanted = 3 + random.nextInt(3);
        while (chosen.size() < wanted) {
            chosen.add(MARKETS[random.nextInt(MARKETS.length)]);
        }
        return List.copyOf(chosen);
    }

    private static List<Product> products(String brandName, String prefix, int count, List<Goods> goods,
            List<Market> markets, Random random) {
        List<Product> products = new ArrayList<>();
        int itemDigits = 12 - prefix.length();
        for (int p = 0; p < count; p++) {
            String body = prefix + (itemDigits == 0 ? "" : String.format(Locale.ROOT, "%0" + itemDigits + "d", p));
            Goods g = goods.get(p % goods.size());
            long cents = g.minCents() + random.nextInt(g.maxCents() - g.minCents());
            List<Msrp> msrps = new ArrayList<>();
            for (Market m : markets) {
                long amount = Math.max(m.roundTo(), Math.round(cents * m.perEuroCent() / m.roundTo()) * m.roundTo());
                msrps.add(new Msrp(m.country(), m.currency(), amount));
            }
            products.add(new Product(body + checkDigit(body),
                    String.format(Locale.ROOT, "%s %s %s-%03d", brandName, g.name(), brandName.substring(0, 2)
                            .toUpperCase(Locale.ROOT), p + 1),
                    g.hsCode(), List.copyOf(msrps)));
        }
        return List.copyOf(products);
    }

    private static List<Trademark> trademarks(int b, String name, int[] syllables, String country, List<Goods> goods,
            Random random) {
        Set<String> offices = new LinkedHashSet<>();
        offices.add(HOME_OFFICE.get(country));
        int wanted = 1 + random.nextInt(3);
        while (offices.size() < wanted) {
            offices.add(OTHER_OFFICES[random.nextInt(OTHER_OFFICES.length)]);
        }
        Set<Integer> classes = new java.util.TreeSet<>();
        goods.forEach(g -> classes.add(g.niceClass()));
        if (b % 4 == 0) {
            classes.add(35); // retail services under the mark
        }
        List<Trademark> marks = new ArrayList<>();
        for (String office : offices) {
            LocalDate registered = LocalDate.of(2017 + random.nextInt(9), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String number = registrationNumber(office, b);
            List<String> territories = office.equals("WIPO")
                    ? List.of(WIPO_DESIGNATIONS.get(b % 6), WIPO_DESIGNATIONS.get((b + 2) % 6))
                    : List.of(OFFICE_TERRITORY.get(office));
            String markText = switch (office) {
                case "CNIPA" -> join(HAN, syllables);
                case "JPO" -> join(KATAKANA, syllables);
                default -> name.toUpperCase(Locale.ROOT);
            };
            marks.add(new Trademark(office, number, markText, List.copyOf(classes), territories, registered,
                    registered.plusYears(10), sha256(office + ":" + number)));
        }
        return List.copyOf(marks);
    }

    /** Unique per office (one mark per office and brand), in each office's own number format. */
    static String registrationNumber(String office, int b) {
        return switch (office) {
            case "CNIPA" -> String.format(Locale.ROOT, "%08d", 30_000_000 + b);
            case "USPTO" -> String.format(Locale.ROOT, "%07d", 5_100_000 + b);
            case "EUIPO" -> String.format(Locale.ROOT, "%09d", 18_000_000 + b);
            case "WIPO" -> String.format(Locale.ROOT, "%07d", 1_500_000 + b);
            case "UKIPO" -> String.format(Locale.ROOT, "UK%011d", 3_500_000 + b);
            case "JPO" -> String.format(Locale.ROOT, "%07d", 6_000_000 + b);
            case "KIPO" -> String.format(Locale.ROOT, "40%011d", 1_500_000_000L + b);
            default -> throw new IllegalArgumentException(office);
        };
    }

    private static List<Seller> sellers(Random random, boolean exclusive) {
        int wanted = (exclusive ? 6 : 3) + random.nextInt(10);
        Map<String, Seller> byKey = new java.util.LinkedHashMap<>();
        for (int tries = 0; byKey.size() < wanted && tries < 100; tries++) {
            String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            String shopId = shopId(platform, random.nextInt(SHOPS_PER_PLATFORM));
            int kind = random.nextInt(20);
            List<String> markets = PLATFORM_MARKETS.get(platform);
            // mostly the platform's market; some everywhere (empty), some only part of it
            List<String> territories = kind == 0 ? List.of() : kind < 4 ? List.of(markets.get(0)) : markets;
            // a few distribution contracts ended: the entry stays, outside its validity
            LocalDate from = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1);
            LocalDate until = kind >= 18 ? LocalDate.of(2024, 1, 1) : null;
            if (until != null && !from.isBefore(until)) {
                from = LocalDate.of(2020, 1, 1);
            }
            byKey.putIfAbsent(platform + "/" + shopId, new Seller(platform, shopId, territories, from, until));
        }
        return List.copyOf(byKey.values());
    }

    /** The platform's own shop id format: numeric on the Chinese platforms, merchant tokens on Amazon, names on eBay. */
    public static String shopId(String platform, int shop) {
        return switch (platform) {
            case "taobao" -> Long.toString(100_000_000L + shop * 7_919L);
            case "tmall" -> Long.toString(1_000_000_000L + shop * 104_729L);
            case "jd" -> Long.toString(10_000_000L + shop * 6_007L);
            case "ebay-uk" -> String.format(Locale.ROOT, "demo-retail-%03d", shop);
            default -> String.format(Locale.ROOT, "A%013X", 0x1F00000000L + shop * 0x9E3779B1L)
                    .toUpperCase(Locale.ROOT);
        };
    }

    private static List<Recordation> recordations(int b, String name, Owner owner, String domain,
            List<Trademark> trademarks, List<Goods> goods, List<Product> products) {
        List<Recordation> recordations = new ArrayList<>();
        List<String> hsCodes = goods.stream().map(Goods::hsCode).distinct().toList();
        List<String> authentic = products.stream().limit(5).map(Product::gtin14).toList();
        for (int t = 0; t < trademarks.size(); t++) {
            Trademark mark = trademarks.get(t);
            String authority = OFFICE_AUTHORITY.get(mark.office());
            if (authority == null) {
                continue;
            }
            LocalDate from;
            LocalDate until;
            String number;
            List<String> territories;
            List<String> languages;
            switch (authority) {
                case "EU_AFA" -> {
                    // an application for action is granted for one year at a time (Reg. 608/2013 Art. 11)
                    String state = EU.contains(owner.country()) ? owner.country() : "DE";
                    from = LocalDate.of(2026, 1 + b % 11, 1);
                    until = from.plusYears(1).minusDays(1);
                    number = String.format(Locale.ROOT, "%s2026%06d", state, b);
                    territories = b % 2 == 0 ? List.of("EU") : List.of(state, "FR", "IT").stream().distinct().toList();
                    languages = List.of("en", "de");
                }
                case "US_CBP" -> {
                    // a CBP recordation runs with the registration it records
                    from = mark.registered().plusMonths(3);
                    until = mark.expires();
                    number = String.format(Locale.ROOT, "TMK%02d%05d", from.getYear() % 100, b);
                    territories = List.of("US");
                    languages = List.of("en");
                }
                default -> {
                    // GACC: ten years at most, from shortly after the registration it records
                    from = mark.registered().plusMonths(2);
                    until = from.plusYears(10).minusDays(1);
                    number = String.format(Locale.ROOT, "T%d%06d", from.getYear(), b);
                    territories = List.of("CN");
                    languages = List.of("zh-Hans", "en");
                }
            }
            List<Party> distributors = new ArrayList<>();
            for (int d = 0; d < 1 + b % 3; d++) {
                distributors.add(distributor(name, territories.get(0).equals("EU") ? "DE" : territories.get(0), b, d));
            }
            recordations.add(new Recordation(authority, number, List.of(t), hsCodes, territories, authentic,
                    List.copyOf(distributors),
                    new Contact("Brand Protection Desk", owner.legalName(), "customs@" + domain, owner.phone(),
                            owner.address(), languages),
                    from, until));
        }
        return List.copyOf(recordations);
    }

    /** An importer with the identifier customs know it by: EORI in the EU, CBP importer number, USCC in China. */
    private static Party distributor(String brand, String country, int b, int d) {
        String identifier = switch (country) {
            case "US" -> String.format(Locale.ROOT, "%02d-%07d00", 10 + d, 1_000_000 + b);
            case "CN" -> String.format(Locale.ROOT, "91310000MA%07dX", b * 3 + d);
            default -> String.format(Locale.ROOT, "%s%013d", country, 4_000_000_000_000L + b * 10L + d);
        };
        return new Party(String.format(Locale.ROOT, "%s Distribution %s %d", brand, country, d + 1), country,
                identifier);
    }

    public static int checkDigit(String digits) {
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static String legalForm(String country) {
        return switch (country) {
            case "DE" -> "GmbH";
            case "FR" -> "SAS";
            case "IT" -> "S.p.A.";
            case "CN" -> "Co., Ltd.";
            case "JP" -> "K.K.";
            case "KR" -> "Co., Ltd.";
            case "US" -> "Inc.";
            default -> "Ltd";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
