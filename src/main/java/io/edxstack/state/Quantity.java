package io.edxstack.state;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities as numbers, for comparisons: {@code 500m} CPU is 0.5, {@code 2Gi} is
 * 2147483648 bytes, {@code 100G} is 10^11. The suffixes are those the catalogue accepts.
 */
public final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)([a-zA-Z]*)");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("E", BigDecimal.TEN.pow(18)));

    private Quantity() {
    }

    /** The quantity's value (cores, bytes, a count), or null when the text is not a quantity. */
    public static BigDecimal of(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value == null) {
            return null;
        }
        Matcher matcher = QUANTITY.matcher(String.valueOf(value).trim());
        if (!matcher.matches() || !SUFFIXES.containsKey(matcher.group(2))) {
            return null;
        }
        return new BigDecimal(matcher.group(1)).multiply(SUFFIXES.get(matcher.group(2)));
    }
}
