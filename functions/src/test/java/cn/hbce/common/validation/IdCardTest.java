package cn.hbce.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdCardTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void acceptsTheStandardsExamplesAndStoresUpperCaseX() {
        assertEquals(Optional.of("11010519491231002X"), IdCard.normalize("11010519491231002X", TODAY));
        assertEquals(Optional.of("34052419800101001X"), IdCard.normalize("34052419800101001x", TODAY));
        assertEquals(Optional.of("420106198001010015"), IdCard.normalize(" 420106198001010015 ", TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194912310021",   // wrong check character
        "11010519491231002",    // 17 characters
        "11010519491231002XX",  // 19 characters
        "1101051949123100AX",   // letter inside
        "110105194902300027",   // 30 February
        "110105203001010010",   // born in the future
        ""})
    void rejectsMalformedNumbers(String raw) {
        assertTrue(IdCard.normalize(raw, TODAY).isEmpty(), raw);
    }

    @Test
    void rejectsNull() {
        assertTrue(IdCard.normalize(null, TODAY).isEmpty());
    }

    @Test
    void masksTheBirthDateAndSequence() {
        assertEquals("4201**********0015", IdCard.mask("420106198001010015"));
    }
}
