package cn.hbce.hours;

import java.util.List;

/** The departments of a subtree: the hours of their persons are what a department may see. */
public interface DepartmentTree {

    /** {@code orgId} itself and every department below it, the nearest first. */
    List<String> departmentsUnder(String orgId);
}
