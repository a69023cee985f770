package cn.hbce.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @Test
    void acceptsTheStandardsExample() {
        assertEquals(Optional.of("91350100M000100Y43"), CreditCode.normalize("91350100m000100y43"));
    }

    @Test
    void mapsCheckValue31ToZero() {
        assertEquals(Optional.of("114200000222222226"), CreditCode.normalize("114200000222222226"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100I000100Y43", "91350100O000100Y43", ""})
    void rejectsWrongCheckLengthOrExcludedLetters(String raw) {
        assertTrue(CreditCode.normalize(raw).isEmpty(), raw);
    }
}
