package cn.hbce.org.departments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DepartmentNameTest {

    @Test
    void namesDifferingOnlyInWidthCaseOrOuterSpaceAreTheSameName() {
        assertEquals(Department.nameKey("办公室"), Department.nameKey("\u3000办公室 "));
        assertEquals(Department.nameKey("IT科"), Department.nameKey("ｉｔ科"));
        assertEquals(Department.nameKey("第一处（综合）"), Department.nameKey("第一处(综合)"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(Department.nameKey("人事处"), Department.nameKey("人事科"));
    }
}
