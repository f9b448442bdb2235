package org.responsepolicy.brand;

import java.util.Locale;
import java.util.Map;

/**
 * Finds a brand's settings; brands without a file of their own get the defaults. Immutable and thread-safe.
 */
public final class BrandDirectory {

    public static final String DEFAULT = "default";

    private final BrandSettings defaults;
    private final Map<String, BrandSettings> byBrand;

    /** @param byBrand keyed by brand name in lower case */
    public BrandDirectory(BrandSettings defaults, Map<String, BrandSettings> byBrand) {
        this.defaults = defaults;
        this.byBrand = Map.copyOf(byBrand);
    }

    public BrandSettings settingsFor(String brand) {
        return brand == null ? defaults : byBrand.getOrDefault(brand.toLowerCase(Locale.ROOT), defaults);
    }

    public Map<String, BrandSettings> brands() {
        return byBrand;
    }

    public BrandSettings defaults() {
        return defaults;
    }
}
