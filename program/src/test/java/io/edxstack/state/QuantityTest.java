package io.edxstack.state;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Quantities as the Kubernetes API server parses them (apimachinery's resource.Quantity grammar). */
class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "500m, 0.5",
            "2, 2",
            "0.5, 0.5",
            ".5, 0.5",
            "5., 5",
            "+3, 3",
            "-1, -1",
            "2Gi, 2147483648",
            "1.5Gi, 1610612736",
            "100G, 100000000000",
            "1k, 1000",
            "1Ki, 1024",
            "1e3, 1000",
            "1E3, 1000",
            "12e-3, 0.012",
            "5e+2, 500",
            "1E, 1000000000000000000",
            "128974848, 128974848",
            "129e6, 129000000",
            "123Mi, 128974848"})
    void parse_kubernetesForms_giveTheirValue(String text, String expected) {
        assertThat(Quantity.parse(text)).get().extracting(Quantity.Parsed::value)
                .satisfies(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "Gi", "1 Gi", "1gi", "1ki", "1e", "1.2.3", "1Gib", "e3", "1e3Gi", "0x10", "1,5Gi", "1e99"})
    void parse_formsTheApiServerRefuses_areEmpty(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
        assertThat(Quantity.of(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"512Mi, Mi, true, false", "50, '', false, true", "512m, m, false, false", "1e9, e9, false, false"})
    void parse_keepsTheSuffixForTheCatalogueChecks(String text, String suffix, boolean binary, boolean bare) {
        Quantity.Parsed parsed = Quantity.parse(text).orElseThrow();
        assertThat(parsed.suffix()).isEqualTo(suffix);
        assertThat(parsed.binary()).isEqualTo(binary);
        assertThat(parsed.bare()).isEqualTo(bare);
    }
}
