package cn.hbce.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneTest {

    @Test
    void acceptsMainlandMobilesOnly() {
        assertTrue(Phone.normalize("13812345678").isPresent());
        assertTrue(Phone.normalize("19912345678").isPresent());
        assertTrue(Phone.normalize("12812345678").isEmpty());
        assertTrue(Phone.normalize("1381234567").isEmpty());
        assertTrue(Phone.normalize("027-87654321").isEmpty());
    }

    @Test
    void masksTheMiddleFour() {
        assertEquals("138****5678", Phone.mask("13812345678"));
    }
}
