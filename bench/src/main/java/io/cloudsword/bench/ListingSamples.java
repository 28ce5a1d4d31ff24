package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.bench.seed.DemoCatalog;

/**
 * Marketplace listings for listings-ingest, made up on demand from the seeded demo catalogue:
 * listing {@code i} is drawn from its own random stream (the seed and i), so it is the same on
 * every run and machine, any listing can be made without the ones before it, and a million of
 * them never sit in memory at once. Only the external id (and the URL made from it) depends on
 * the prefix the caller gives, so the subject and the baseline write the same rows under their
 * own keys.
 *
 * <p>The mix, per listing: 62 % a catalogue product offered as it is normally offered (its brand
 * in the title, its GTIN most of the time, 60-105 % of the MSRP, often an authorized shop), 25 %
 * unbranded goods, 5 % second-hand branded goods (30-60 % of the MSRP, rarely a GTIN), and 8 %
 * counterfeit-looking: a brand mentioned with at least two of counterfeit vocabulary (replica,
 * 1:1, super copy, 高仿, 复刻, A货, ...), a price of 5-25 % of the MSRP, another brand's GTIN,
 * shipping from China to a foreign market, from a few shops none of the brands authorized.
 * Titles and descriptions (200-400 characters) are Chinese with English on taobao, tmall and
 * jd, Japanese with English on amazon-jp, English (sometimes with Chinese, from cross-border
 * sellers) elsewhere, and name brands by their Latin name, Han or Katakana alias.
 *
 * <p>Listings come in blocks of {@code block} (the chunk size): all listings of a block are on
 * one platform, blocks taking the platforms in turn, so one platform partner's stream can carry
 * a whole chunk.
 */
final class ListingSamples {

    /** What a listing was made to look like. */
    enum Kind {
        BRANDED, UNBRANDED, USED, COUNTERFEIT_LOOKING;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A listing and what it was made as: its kind, and the MSRP its price was drawn against (0 for unbranded goods). */
    record Sample(Kind kind, ListingInput listing, long msrpMinor) {
    }

    /** A platform the demo catalogue has sellers on: its market, currency and the language its listings are in. */
    record Platform(String slug, String market, String currency, String language) {
    }

    static final List<Platform> PLATFORMS = List.of(new Platform("taobao", "CN", "CNY", "zh"),
            new Platform("tmall", "CN", "CNY", "zh"), new Platform("jd", "CN", "CNY", "zh"),
            new Platform("amazon-de", "DE", "EUR", "en"), new Platform("amazon-us", "US", "USD", "en"),
            new Platform("amazon-jp", "JP", "JPY", "ja"), new Platform("ebay-uk", "GB", "GBP", "en"));

    static final int BRANDED_PERCENT = 62;
    static final int UNBRANDED_PERCENT = 25;
    static final int USED_PERCENT = 5;
    /** The rest: 8 %. */
    static final int COUNTERFEIT_PERCENT = 100 - BRANDED_PERCENT - UNBRANDED_PERCENT - USED_PERCENT;

    /**
     * Shops 0..149 are the catalogue's (DemoCatalog.SHOPS_PER_PLATFORM); second-hand sellers and
     * counterfeiters have others.
     */
    static final int USED_SHOPS_FROM = 150;
    static final int USED_SHOPS = 200;
    static final int COUNTERFEIT_SHOPS_FROM = 350;
    /** Counterfeits concentrate in few shops (repeat infringers). */
    static final int COUNTERFEIT_SHOPS = 40;

    /** Minor units per euro cent, as DemoCatalog prices its MSRPs. */
    static final Map<String, Double> PER_EURO_CENT = Map.of("EUR", 1.0, "USD", 1.08, "GBP", 0.86, "CNY", 7.8, "JPY",
            1.6, "KRW", 14.5);

    /** The catalogue's kinds of goods by their English name, with their Chinese and Japanese names and sizes. */
    record Goods(String en, String zh, String ja, List<String> sizes, int minCents, int maxCents) {
    }

    static final List<Goods> GOODS = List.of(
            new Goods("running shoe", "跑步鞋", "ランニングシューズ", List.of("EU 39", "EU 41", "EU 42", "EU 44"), 1_500, 5_000),
            new Goods("handbag", "手提包", "ハンドバッグ", List.of("one size"), 2_000, 9_000),
            new Goods("wrist watch", "手表", "腕時計", List.of("36 mm", "40 mm", "42 mm"), 1_500, 12_000),
            new Goods("face cream", "面霜", "フェイスクリーム", List.of("30 ml", "50 ml"), 500, 3_000),
            new Goods("knit sweater", "针织毛衣", "ニットセーター", List.of("S", "M", "L", "XL"), 1_500, 6_000),
            new Goods("toy figure", "手办", "フィギュア", List.of("15 cm", "30 cm"), 800, 4_000),
            new Goods("headphones", "耳机", "ヘッドホン", List.of("one size"), 1_000, 8_000),
            new Goods("sunglasses", "太阳镜", "サングラス", List.of("one size"), 800, 4_000),
            new Goods("jeans", "牛仔裤", "ジーンズ", List.of("W30 L32", "W32 L32", "W34 L34"), 1_500, 6_000),
            new Goods("eau de parfum", "香水", "オードパルファム", List.of("50 ml", "100 ml"), 1_000, 5_000));

    static final String[][] COLORS = { { "Black", "黑色", "ブラック" }, { "White", "白色", "ホワイト" },
            { "Navy", "藏青色", "ネイビー" }, { "Beige", "米色", "ベージュ" }, { "Red", "红色", "レッド" },
            { "Grey", "灰色", "グレー" } };

    /** Counterfeit vocabulary as sellers write it; most of it is in the scorer's lexicon, not all. */
    static final String[] FAKE_TERMS_EN = { "replica", "1:1", "super copy", "mirror quality", "AAA quality",
            "top replica" };
    static final String[] FAKE_TERMS_ZH = { "高仿", "复刻", "A货", "1:1", "超A", "原单" };

    // Sentences: {b} brand, {h} Han alias, {k} Katakana alias, {g} goods (en / zh / ja as the pool), {m} model,
    // {c} colour, {s} size, {t} counterfeit term.
    static final String[] EN_BRANDED = {
            "Authentic {b} {g}, model {m}, shipped in the original box with tags and receipt.",
            "Sold by an authorised {b} retailer; the manufacturer's two-year warranty applies.",
            "Colour: {c}. Size: {s}. Please check the size chart before ordering.",
            "Free returns within 30 days if the item is unused and in its original packaging.",
            "We ship within 24 hours from our own warehouse; a tracking number is provided.",
            "Materials and care: see the label inside; do not tumble dry.",
            "Questions about the {g}? Message us any time, we reply within one business day.",
            "Part of the current {b} collection, limited stock." };
    static final String[] ZH_BRANDED = {
            "{h}（{b}）官方授权正品{g}，型号{m}，原装包装，附吊牌和购物凭证。",
            "颜色：{c}，尺码：{s}。下单前请参考尺码表。",
            "七天无理由退换，顺丰包邮，48小时内发货。",
            "全国联保，提供正规发票，支持品牌官网查询。",
            "如有任何问题请联系在线客服，我们会尽快回复。",
            "{b}{g}今年新款，数量有限，售完即止。",
            "本店为{b}品牌授权经销商，所有商品均可在品牌官网验证真伪，请放心购买。",
            "收到商品后如有质量问题，请在七天内联系客服，我们将为您免费退换，运费由本店承担。",
            "商品均从品牌中国区总代理进货，支持扫码验真，假一赔十。",
            "节假日正常发货，偏远地区（新疆、西藏等）需补运费，详情请咨询客服。",
            "会员购物满299元可享包邮及积分双倍，积分可在下次购物时抵扣现金。" };
    static final String[] JA_BRANDED = {
            "{k}（{b}）の正規品{g}です。型番：{m}。",
            "カラー：{c}、サイズ：{s}。",
            "30日間返品可能。送料無料でお届けします。",
            "ご不明な点はお気軽にお問い合わせください。",
            "国内正規代理店より仕入れた商品です。" };
    static final String[] EN_UNBRANDED = {
            "No brand, good quality at a fair price.",
            "Lightweight {g} for everyday use, colour {c}, size {s}.",
            "Generic product, not affiliated with any brand.",
            "Ships from our warehouse within two days; returns accepted within 14 days.",
            "Bulk discounts available for orders of 10 or more.",
            "Please allow small colour differences due to lighting and screen settings." };
    static final String[] ZH_UNBRANDED = {
            "无品牌，性价比高，品质有保证。",
            "日常百搭{g}，颜色{c}，尺码{s}。",
            "工厂直发，量大从优，支持混批。",
            "因拍摄光线不同，实物颜色可能略有差异。",
            "下单后两天内发货，包邮。",
            "本店专注{g}十余年，工厂自产自销，没有中间商赚差价，品质与价格都有保障。",
            "支持七天无理由退换货，退货时请保持商品完好，不影响二次销售。",
            "批发、定制请联系客服，可按要求印制图案，最低起订量一百件。" };
    static final String[] JA_UNBRANDED = {
            "ノーブランド品です。",
            "毎日使える{g}、カラー{c}、サイズ{s}。",
            "撮影環境により実物と色味が異なる場合があります。" };
    static final String[] EN_USED = {
            "Pre-owned {b} {g} {m}, worn a few times, good condition, no box.",
            "Selling my {b} {g}; small signs of use, see photos.",
            "Private sale, no returns. Collection or postage." };
    static final String[] ZH_USED = {
            "二手{h}{b}{g}，九成新，无盒。",
            "自用闲置{b}{g}，有轻微使用痕迹，介意勿拍。",
            "个人闲置，不退不换。",
            "当初在专柜购买，有购物小票，配件齐全，同城可以面交验货。",
            "因为搬家所以低价转让，有意者请直接拍下，走闲鱼担保交易。" };
    static final String[] EN_FAKE = {
            "{t} {b} {g}, looks exactly like the original, nobody can tell the difference.",
            "Factory direct {t}, same materials as the boutique version, no box or papers.",
            "{b} {m} {t}, cheapest on the market, ships from Guangzhou.",
            "Same as the original, {t} grade, logo and details perfect.",
            "Payment by bank transfer gets an extra 10 % off." };
    static final String[] ZH_FAKE = {
            "{t}{h}{g}，和专柜一模一样，细节完美。",
            "工厂直销{t}，品质保证，不退不换。",
            "{b}{t}，做工精细，懂货的来。",
            "原厂材料{t}，无盒无吊牌，介意慎拍。",
            "与正品同一工厂生产，五金、走线、刻字完全一致，专柜验货也看不出来。",
            "需要礼盒和说明书请加十元，拍下请备注，发货前可以视频看货。",
            "不要问是不是正品，看价格就知道，追求性价比的朋友可以放心入手。",
            "微信联系有更多款式，支持货到付款，全国包邮。" };

    /** Market's share of the MSRP a price may take, per kind. */
    private static final double[] BRANDED_PRICE = { 0.85, 1.05 };
    private static final double[] SALE_PRICE = { 0.6, 0.85 };
    private static final double[] USED_PRICE = { 0.3, 0.6 };
    private static final double[] FAKE_LOW_PRICE = { 0.05, 0.25 };
    private static final double[] FAKE_PRICE = { 0.4, 0.8 };

    /** A brand as the samples use it: names, products with their kind of goods, its authorized shops per platform. */
    private record BrandView(String name, String han, String katakana, boolean exclusive,
            List<DemoCatalog.Product> products, List<Goods> goods, List<List<String>> authorizedShops) {
    }

    private final List<Platform> platforms;
    private final List<BrandView> brands;
    private final long seed;
    private final int block;

    /**
     * @param platforms the platforms the listings are spread over (slugs of {@link #PLATFORMS}), in block order
     * @param block     listings per block (the chunk size); every block is on one platform
     */
    ListingSamples(DemoCatalog.Catalog catalog, List<String> platforms, long seed, int block) {
        if (platforms.isEmpty() || block < 1) {
            throw new IllegalArgumentException("at least one platform and a block of at least one listing");
        }
        this.platforms = platforms.stream().map(ListingSamples::platform).toList();
        this.seed = seed;
        this.block = block;
        List<BrandView> views = new ArrayList<>();
        for (DemoCatalog.Brand b : catalog.brands()) {
            if (b.products().isEmpty()) {
                continue;
            }
            List<List<String>> shops = new ArrayList<>();
            for (Platform p : this.platforms) {
                shops.add(b.sellers().stream().filter(s -> s.platform().equals(p.slug()) && s.validUntil() == null)
                        .map(DemoCatalog.Seller::shopId).toList());
            }
            views.add(new BrandView(b.name(), b.aliases().get(0), b.aliases().get(2), b.exclusiveDistribution(),
                    b.products(), b.products().stream().map(ListingSamples::goodsOf).toList(), List.copyOf(shops)));
        }
        if (views.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no products");
        }
        this.brands = List.copyOf(views);
    }

    static Platform platform(String slug) {
        return PLATFORMS.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown platform " + slug + "; known: "
                        + PLATFORMS.stream().map(Platform::slug).toList()));
    }

    List<Platform> platforms() {
        return platforms;
    }

    int block() {
        return block;
    }

    /** Every shop id the listings may have on these platforms. */
    List<String> shopIds() {
        List<String> ids = new ArrayList<>();
        for (Platform p : platforms) {
            for (int shop = 0; shop < COUNTERFEIT_SHOPS_FROM + COUNTERFEIT_SHOPS; shop++) {
                ids.add(DemoCatalog.shopId(p.slug(), shop));
            }
        }
        return ids;
    }

    /** The platform of listing {@code index}: its block's. */
    Platform platformOf(long index) {
        return platforms.get((int) ((index / block) % platforms.size()));
    }

    /** Blocks (chunks) of {@code total} listings. */
    long blocks(long total) {
        return (total + block - 1) / block;
    }

    /** Block {@code b} of {@code total} listings, external ids {@code prefix + index}. */
    List<Sample> blockOf(long b, long total, String prefix) {
        long from = b * block;
        long to = Math.min(total, from + block);
        List<Sample> out = new ArrayList<>((int) Math.max(0, to - from));
        for (long i = from; i < to; i++) {
            out.add(sample(i, prefix));
        }
        return out;
    }

    /** Listing {@code index}, external id {@code prefix + index}. */
    Sample sample(long index, String prefix) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Platform p = platformOf(index);
        int roll = r.nextInt(100);
        Kind kind = roll < BRANDED_PERCENT ? Kind.BRANDED
                : roll < BRANDED_PERCENT + UNBRANDED_PERCENT ? Kind.UNBRANDED
                        : roll < BRANDED_PERCENT + UNBRANDED_PERCENT + USED_PERCENT ? Kind.USED : Kind.COUNTERFEIT_LOOKING;
        String externalId = prefix + index;
        ListingInput.Builder l = ListingInput.newBuilder().setPlatform(p.slug()).setExternalId(externalId)
                .setMarketCountry(p.market()).setShipsFromCountry(p.market()).setUrl(url(p, externalId, r));
        String[] color = COLORS[r.nextInt(COLORS.length)];
        long msrp = kind == Kind.UNBRANDED ? unbranded(l, p, color, r) : branded(l, p, kind, color, r);
        l.setSellerId("seller-" + l.getShopId());
        int images = r.nextInt(100) < 15 ? 0 : 1 + r.nextInt(5);
        for (int i = 0; i < images; i++) {
            l.addImageHashes(String.format(Locale.ROOT, "%016x", r.nextLong()));
        }
        return new Sample(kind, l.build(), msrp);
    }

    /** A listing of a catalogue product; answers the product's MSRP in the platform's market. */
    private long branded(ListingInput.Builder l, Platform p, Kind kind, String[] color, SplittableRandom r) {
        BrandView brand = brands.get(r.nextInt(brands.size()));
        int productIndex = r.nextInt(brand.products().size());
        DemoCatalog.Product product = brand.products().get(productIndex);
        Goods goods = brand.goods().get(productIndex);
        String model = model(product.name());
        String size = goods.sizes().get(r.nextInt(goods.sizes().size()));
        long msrp = msrp(product, p);
        Text t = new Text(brand.name(), brand.han(), brand.katakana(), goods, model, color, size, "");
        List<String> authorized = brand.authorizedShops().get(platforms.indexOf(p));
        String lang = p.language();
        switch (kind) {
            case BRANDED -> {
                boolean useAuthorized = !authorized.isEmpty() && r.nextInt(100) < (brand.exclusive() ? 90 : 60);
                l.setShopId(useAuthorized ? authorized.get(r.nextInt(authorized.size()))
                        : DemoCatalog.shopId(p.slug(), r.nextInt(DemoCatalog.SHOPS_PER_PLATFORM)));
                l.setPrice(money(p, msrp, r.nextInt(100) < 80 ? BRANDED_PRICE : SALE_PRICE, r));
                int g = r.nextInt(100);
                if (g < 75) {
                    l.setGtin(product.gtin13());
                } else if (g < 85) {
                    l.setGtin(product.gtin14());
                }
                l.setTitle(switch (lang) {
                    case "zh" -> t.fill("{h} {b} {g} {m} 正品 {c} {s}", "zh");
                    case "ja" -> t.fill("{k} {b} {g} {m} {c} {s} 正規品", "ja");
                    default -> t.fill("{b} {G} {m} – {c}, {s}", "en");
                });
                l.setDescription(description(t, lang, pools(lang, ZH_BRANDED, JA_BRANDED, EN_BRANDED), EN_BRANDED,
                        crossBorder(l, p, r), r));
            }
            case USED -> {
                l.setShopId(DemoCatalog.shopId(p.slug(), USED_SHOPS_FROM + r.nextInt(USED_SHOPS)));
                l.setPrice(money(p, msrp, USED_PRICE, r));
                if (r.nextInt(100) < 20) {
                    l.setGtin(product.gtin13());
                }
                boolean chinese = "zh".equals(lang);
                l.setTitle(chinese ? t.fill("二手 {h} {b} {g} {m} 九成新", "zh")
                        : t.fill("Used {b} {G} {m}, {s}, good condition", "en"));
                l.setDescription(description(t, chinese ? "zh" : "en", chinese ? ZH_USED : EN_USED, EN_USED, false, r));
            }
            default -> counterfeitLooking(l, p, brand, product, t, msrp, r);
        }
        return msrp;
    }

    /**
     * At least two of: vocabulary, a far-too-low price, a GTIN of another brand, shipping from
     * China into a foreign market; always from a shop no brand authorized.
     */
    private void counterfeitLooking(ListingInput.Builder l, Platform p, BrandView brand, DemoCatalog.Product product,
            Text t, long msrp, SplittableRandom r) {
        boolean vocabulary = r.nextInt(100) < 65;
        boolean lowPrice = r.nextInt(100) < 70;
        int g = r.nextInt(100);
        boolean foreignGtin = g < 35;
        boolean crossBorder = !p.market().equals("CN") && r.nextInt(100) < 70;
        int features = (vocabulary ? 1 : 0) + (lowPrice ? 1 : 0) + (foreignGtin ? 1 : 0) + (crossBorder ? 1 : 0);
        // too innocent to be counterfeit-looking: add what is missing, vocabulary first
        if (features < 2 && !vocabulary) {
            vocabulary = true;
            features++;
        }
        if (features < 2 && !lowPrice) {
            lowPrice = true;
        }
        l.setShopId(DemoCatalog.shopId(p.slug(), COUNTERFEIT_SHOPS_FROM + r.nextInt(COUNTERFEIT_SHOPS)));
        l.setPrice(money(p, msrp, lowPrice ? FAKE_LOW_PRICE : FAKE_PRICE, r));
        if (foreignGtin) {
            BrandView other = brands.get(r.nextInt(brands.size()));
            if (other == brand) {
                other = brands.get((brands.indexOf(brand) + 1) % brands.size());
            }
            if (other != brand) {
                l.setGtin(other.products().get(r.nextInt(other.products().size())).gtin13());
            }
        } else if (g < 50) {
            l.setGtin(product.gtin13()); // copied from the genuine article
        }
        if (crossBorder) {
            l.setShipsFromCountry("CN");
        }
        String lang = p.language();
        boolean chinese = "zh".equals(lang) || crossBorder && r.nextInt(100) < 50;
        String term = vocabulary ? (chinese ? FAKE_TERMS_ZH[r.nextInt(FAKE_TERMS_ZH.length)]
                : FAKE_TERMS_EN[r.nextInt(FAKE_TERMS_EN.length)]) : "";
        Text ft = t.withTerm(term);
        if (vocabulary) {
            l.setTitle(chinese ? ft.fill("{t} {h} {b} {g} {m} 专柜品质 {c}", "zh")
                    : ft.fill("{b} {G} {m} {t} – {c}, {s}", "en"));
            l.setDescription(description(ft, chinese ? "zh" : "en", chinese ? ZH_FAKE : EN_FAKE, EN_FAKE, false, r));
        } else {
            // the text looks like any other offer; price, GTIN or origin give it away
            boolean zh = "zh".equals(lang);
            l.setTitle(zh ? ft.fill("{h} {b} {g} {m} 特价 {c} {s}", "zh")
                    : ft.fill("{b} {G} {m} – {c}, {s}, clearance", "en"));
            l.setDescription(description(ft, zh ? "zh" : "en", zh ? ZH_BRANDED : EN_BRANDED, EN_BRANDED, false, r));
        }
    }

    /** Goods of no brand; answers 0 (no MSRP). */
    private long unbranded(ListingInput.Builder l, Platform p, String[] color, SplittableRandom r) {
        Goods goods = GOODS.get(r.nextInt(GOODS.size()));
        String size = goods.sizes().get(r.nextInt(goods.sizes().size()));
        Text t = new Text("", "", "", goods, "", color, size, "");
        l.setShopId(DemoCatalog.shopId(p.slug(), r.nextInt(DemoCatalog.SHOPS_PER_PLATFORM)));
        long cents = goods.minCents() + r.nextInt(goods.maxCents() - goods.minCents());
        l.setPrice(money(p, Math.round(cents * PER_EURO_CENT.get(p.currency())), new double[] { 1, 1 }, r));
        if (r.nextInt(100) < 30) {
            l.setGtin(unknownGtin13(r)); // a real manufacturer, not in the catalogue
        }
        String lang = p.language();
        l.setTitle(switch (lang) {
            case "zh" -> t.fill("新款{g} 男女通用 {c} {s} 包邮", "zh");
            case "ja" -> t.fill("{g} 男女兼用 {c} {s}", "ja");
            default -> t.fill("Unisex {G}, lightweight, {c}, {s}", "en");
        });
        l.setDescription(description(t, lang, pools(lang, ZH_UNBRANDED, JA_UNBRANDED, EN_UNBRANDED), EN_UNBRANDED,
                false, r));
        return 0;
    }

    /** Cross-border sellers on the Western platforms: ship from China, write some Chinese. */
    private static boolean crossBorder(ListingInput.Builder l, Platform p, SplittableRandom r) {
        if (p.market().equals("CN") || r.nextInt(100) >= 10) {
            return false;
        }
        l.setShipsFromCountry("CN");
        return true;
    }

    private static String[] pools(String lang, String[] zh, String[] ja, String[] en) {
        return switch (lang) {
            case "zh" -> zh;
            case "ja" -> ja;
            default -> en;
        };
    }

    /**
     * 200 to 400 characters of sentences, mostly from {@code main} (in {@code lang}); about a
     * third from {@code english} for Chinese and Japanese text, and about a third Chinese
     * ({@link #ZH_BRANDED}) for a cross-border seller's English text.
     */
    static String description(Text t, String lang, String[] main, String[] english, boolean crossBorder,
            SplittableRandom r) {
        int target = 200 + r.nextInt(201);
        StringBuilder out = new StringBuilder(target + 100);
        for (int tries = 0; out.length() < target && tries < 40; tries++) {
            String[] pool;
            String poolLang;
            int roll = r.nextInt(100);
            if (crossBorder && roll < 30) {
                pool = ZH_BRANDED;
                poolLang = "zh";
            } else if (!"en".equals(lang) && roll >= 70) {
                pool = english;
                poolLang = "en";
            } else {
                pool = main;
                poolLang = lang;
            }
            String sentence = t.fill(pool[r.nextInt(pool.length)], poolLang);
            if (out.indexOf(sentence) >= 0 && tries < 20) {
                continue; // another sentence while the pools have some left
            }
            if (out.length() + sentence.length() + 1 > 400 && out.length() >= 200) {
                break;
            }
            if (out.length() > 0 && ("en".equals(poolLang) || out.charAt(out.length() - 1) < 0x80)) {
                out.append(' ');
            }
            out.append(sentence);
        }
        if (out.length() < 200) {
            // short pools: repeat the logistics line rather than fall short
            while (out.length() < 200) {
                out.append(' ').append(t.fill(english[english.length - 1], "en"));
            }
        }
        return out.length() > 400 ? out.substring(0, 400).strip() : out.toString();
    }

    /** The words a listing's sentences are filled with. */
    record Text(String brand, String han, String katakana, Goods goods, String model, String[] color, String size,
            String term) {

        Text withTerm(String t) {
            return new Text(brand, han, katakana, goods, model, color, size, t);
        }

        String fill(String template, String lang) {
            String goodsName = switch (lang) {
                case "zh" -> goods.zh();
                case "ja" -> goods.ja();
                default -> goods.en();
            };
            String colorName = color[switch (lang) {
                case "zh" -> 1;
                case "ja" -> 2;
                default -> 0;
            }];
            return template.replace("{b}", brand).replace("{h}", han).replace("{k}", katakana)
                    .replace("{G}", capitalizeWords(goods.en())).replace("{g}", goodsName).replace("{m}", model)
                    .replace("{c}", colorName).replace("{s}", size).replace("{t}", term)
                    .replace("  ", " ").strip();
        }
    }

    /** The model code a demo product name ends with ("Karove running shoe KA-001" -> "KA-001"). */
    static String model(String productName) {
        return productName.substring(productName.lastIndexOf(' ') + 1);
    }

    static Goods goodsOf(DemoCatalog.Product product) {
        for (Goods g : GOODS) {
            if (product.name().contains(" " + g.en() + " ")) {
                return g;
            }
        }
        return GOODS.get(0);
    }

    /** The product's MSRP in the platform's market, or its first MSRP converted into the platform's currency. */
    static long msrp(DemoCatalog.Product product, Platform p) {
        for (DemoCatalog.Msrp m : product.msrps()) {
            if (m.country().equals(p.market()) && m.currency().equals(p.currency())) {
                return m.amountMinor();
            }
        }
        DemoCatalog.Msrp first = product.msrps().get(0);
        double cents = first.amountMinor() / PER_EURO_CENT.get(first.currency());
        return Math.round(cents * PER_EURO_CENT.get(p.currency()));
    }

    /** A share of {@code reference} drawn from [range[0], range[1]), priced as shops price in that currency. */
    static Money money(Platform p, long reference, double[] range, SplittableRandom r) {
        double share = range[0] + (range[1] - range[0]) * r.nextDouble();
        return Money.newBuilder().setCurrency(p.currency()).setAmountMinor(shopPrice(p.currency(),
                reference * share)).build();
    }

    /** 49.99 in EUR, USD and GBP; whole yuan; tens of yen; hundreds of won. Never below one minor unit. */
    static long shopPrice(String currency, double minor) {
        long amount = switch (currency) {
            case "EUR", "USD", "GBP" -> Math.round(minor / 100) * 100 - 1;
            case "CNY" -> Math.round(minor / 100) * 100;
            case "JPY" -> Math.round(minor / 10) * 10;
            default -> Math.round(minor / 100) * 100;
        };
        return Math.max(1, amount);
    }

    /** A valid GTIN-13 under 789 (GS1 Brazil), a range the demo catalogue never uses. */
    static String unknownGtin13(SplittableRandom r) {
        String body = "789" + String.format(Locale.ROOT, "%09d", r.nextInt(1_000_000_000));
        return body + DemoCatalog.checkDigit(body);
    }

    /** The listing page's address in the platform's own form; some carry tracking parameters the service drops. */
    static String url(Platform p, String externalId, SplittableRandom r) {
        long h = fnv64(externalId); // the item number follows the external id, as on the platforms
        long number = 600_000_000_000L + Math.floorMod(h, 100_000_000_000L);
        String asin = "B0" + String.format(Locale.ROOT, "%8s", Long.toString(Math.floorMod(h, 2_821_109_907_456L), 36))
                .replace(' ', '0').toUpperCase(Locale.ROOT);
        boolean tracked = r.nextInt(100) < 20;
        return switch (p.slug()) {
            case "taobao" -> "https://item.taobao.com/item.htm?id=" + number
                    + (tracked ? "&spm=a21bo.jianhua.201876.1" : "");
            case "tmall" -> "https://detail.tmall.com/item.htm?id=" + number
                    + (tracked ? "&spm=a220m.1000858.1000725.1" : "");
            case "jd" -> "https://item.jd.com/" + number + ".html" + (tracked ? "?pvid=9c2d1f" : "");
            case "amazon-de" -> "https://www.amazon.de/dp/" + asin + (tracked ? "?ref=sr_1_3" : "");
            case "amazon-us" -> "https://www.amazon.com/dp/" + asin + (tracked ? "?ref=sr_1_7" : "");
            case "amazon-jp" -> "https://www.amazon.co.jp/dp/" + asin + (tracked ? "?ref=sr_1_1" : "");
            default -> "https://www.ebay.co.uk/itm/" + number + (tracked ? "?_trkparms=amclksrc%3DITM" : "");
        };
    }

    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String capitalizeWords(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }
}
