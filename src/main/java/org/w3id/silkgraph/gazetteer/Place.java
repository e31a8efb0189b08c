package org.w3id.silkgraph.gazetteer;

import java.util.List;

/**
 * A place from a general-knowledge gazetteer.
 *
 * @param key          stable key, also the IRI path under {@code id/}: {@code country/CN}, {@code admin/500000},
 *                     {@code city/ru-moscow}, {@code region/京津冀}
 * @param kind         what it is
 * @param name         canonical Chinese name (中国, 重庆市, 莫斯科)
 * @param altNames     other Chinese names (中华人民共和国, 重庆)
 * @param isoCode      ISO 3166-1 alpha-2 of a country, or null
 * @param iso3Code     ISO 3166-1 alpha-3 of a country, or null
 * @param adminCode    GB/T 2260 code of a Chinese division, or null
 * @param english      English name, or null
 * @param parentKey    key of the place it lies in, or null
 * @param municipality a province-level city (直辖市, 特别行政区): both a province and a city
 * @param memberKeys   for a region, the keys of its member places
 */
public record Place(String key, PlaceKind kind, String name, List<String> altNames, String isoCode, String iso3Code,
                    String adminCode, String english, String parentKey, boolean municipality, List<String> memberKeys) {

    public Place {
        altNames = List.copyOf(altNames);
        memberKeys = List.copyOf(memberKeys);
    }

    public boolean isChinese() {
        return adminCode != null || "CN".equals(isoCode);
    }
}
