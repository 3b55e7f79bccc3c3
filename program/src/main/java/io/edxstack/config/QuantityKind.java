package io.edxstack.config;

import io.edxstack.state.Quantity;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a quantity of the catalogue measures, and what Kubernetes (or the operator's evident intent) would
 * refuse for it. Kubernetes accepts {@code 512m} of memory (half a byte) and {@code 50} of storage (50
 * bytes); edxstack refuses both, since nobody means them.
 */
public enum QuantityKind {
    CPU("cores, such as 500m, 2 or 0.5"),
    MEMORY("a size with a unit, such as 512Mi or 2Gi"),
    STORAGE("a size with a unit, such as 20Gi");

    private static final BigDecimal MILLI = new BigDecimal("0.001");

    private final String example;

    QuantityKind(String example) {
        this.example = example;
    }

    /** Why {@code text} is refused, if it is. */
    public Optional<String> problem(String text) {
        Optional<Quantity.Parsed> parsed = Quantity.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of("must be a Kubernetes quantity: " + example + " (got '" + text + "')");
        }
        Quantity.Parsed quantity = parsed.get();
        if (quantity.value().signum() < 0) {
            return Optional.of("must not be negative (got '" + text + "')");
        }
        if (quantity.value().signum() == 0) {
            return Optional.of("must be more than zero (got '" + text + "'): nothing could run in it");
        }
        if (this == CPU) {
            if (quantity.binary()) {
                return Optional.of("counts cores, not bytes: " + example + " (got '" + text + "')");
            }
            if (quantity.value().remainder(MILLI).signum() != 0) {
                return Optional.of("is finer than 1m, the smallest CPU amount Kubernetes keeps (got '" + text + "')");
            }
            return Optional.empty();
        }
        if (quantity.milli()) {
            return Optional.of("is in thousandths of a byte ('m'), perhaps '" + text.trim().replaceFirst("m$", "Mi")
                    + "' (got '" + text + "')");
        }
        if (quantity.bare()) {
            return Optional.of("has no unit, so it means " + text.trim() + " bytes; perhaps '" + text.trim()
                    + (this == STORAGE ? "Gi" : "Mi") + "' (got '" + text + "')");
        }
        if (quantity.value().stripTrailingZeros().scale() > 0) {
            return Optional.of("is not a whole number of bytes (got '" + text + "'), perhaps a smaller unit");
        }
        return Optional.empty();
    }
}
