package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators agree with numbers known to be valid, so a 400 in the suite is the product's doing. */
class TestDataSelfCheckIT {

    @Test
    void idCheckCharacterMatchesKnownValidNumbers() {
        for (String id : new String[]{"420106198001010015", "420102198503150020", "420104199208080047",
                "420111198804120059", "11010519491231002X"}) {
            assertEquals(id.charAt(17), TestData.idCheck(id.substring(0, 17)), id);
        }
    }

    @Test
    void creditCheckCharacterMatchesKnownValidCodes() {
        for (String code : new String[]{"11420000011111111J", "11420100033333333Y", "12420100044444444F",
                "52420000055555555R", "91350100M000100Y43"}) {
            assertEquals(code.charAt(17), TestData.creditCheck(code.substring(0, 17)), code);
        }
    }

    @Test
    void generatedNumbersAreUniqueAndWellFormed() {
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = TestData.idCard();
            assertTrue(id.matches("420106(19[6-9]\\d)\\d{4}\\d{3}[0-9X]"), id);
            assertTrue(ids.add(id), "duplicate " + id);
            String code = TestData.creditCode();
            assertTrue(code.matches("[0-9A-HJ-NPQRTUWXY]{18}"), code);
            assertTrue(codes.add(code), "duplicate " + code);
            String phone = TestData.phone();
            assertTrue(phone.matches("1[3-9]\\d{9}"), phone);
            assertTrue(phones.add(phone), "duplicate " + phone);
        }
        assertTrue(TestData.idCardEndingInX().endsWith("X"));
        String id = TestData.idCard();
        assertNotEquals(id, TestData.withWrongIdCheck(id));
    }
}
