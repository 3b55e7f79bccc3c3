package io.edxstack.state;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities, parsed with the API server's grammar (k8s.io/apimachinery
 * {@code resource.Quantity}): a signed decimal number and one suffix, binary ({@code Ki} to {@code Ei}),
 * decimal ({@code m}, none, {@code k} to {@code E}) or a decimal exponent ({@code 5e3}, {@code 1E-3}).
 * {@code 500m} CPU is 0.5, {@code 2Gi} is 2147483648 bytes, {@code 1e9} is 10^9. The one parser of
 * quantities in edxstack: the catalogue's checks and the policies read values the same way.
 */
public final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
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
    /** Exponents beyond Kubernetes' own range of scales would only make huge numbers out of typos. */
    private static final int MAX_EXPONENT = 18;

    /**
     * A parsed quantity.
     *
     * @param value  the amount (cores, bytes, a count)
     * @param suffix the suffix as written: {@code ""}, {@code "m"}, {@code "Gi"}, {@code "e3"}
     */
    public record Parsed(BigDecimal value, String suffix) {
        /** Written without any unit: bytes for a memory or storage size. */
        public boolean bare() {
            return suffix.isEmpty();
        }

        public boolean binary() {
            return suffix.length() == 2 && suffix.charAt(1) == 'i';
        }

        public boolean milli() {
            return suffix.equals("m");
        }
    }

    private Quantity() {
    }

    /** The quantity written as {@code text}, or empty when Kubernetes would refuse it. */
    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = QUANTITY.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1).endsWith(".")
                ? matcher.group(1) + "0" : matcher.group(1));
        if (matcher.group(2) != null) {
            int exponent = Integer.parseInt(matcher.group(2).substring(1).replace("+", ""));
            if (Math.abs(exponent) > MAX_EXPONENT) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(number.scaleByPowerOfTen(exponent), matcher.group(2)));
        }
        String suffix = matcher.group(3) == null ? "" : matcher.group(3);
        BigDecimal scale = suffix.isEmpty() ? BigDecimal.ONE : SUFFIXES.get(suffix);
        return Optional.of(new Parsed(number.multiply(scale), suffix));
    }

    /** The quantity's value (cores, bytes, a count), or null when the value is not a quantity. */
    public static BigDecimal of(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value == null) {
            return null;
        }
        return parse(String.valueOf(value)).map(Parsed::value).orElse(null);
    }
}
