package cn.hbce.org.roles;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.util.Optional;

/** The roles of an org, and the count of admin seats holding each. */
public interface OrgRoleRepository {

    Page<Role> list(String orgId, PageRequest page);

    Optional<Role> get(String orgId, String roleId);

    void create(Role role);

    /** Stores name and permissions if the role is still at {@code expectedVersion}; false when stale or gone. */
    boolean update(Role updated, long expectedVersion);

    enum Removal { DELETED, IN_USE, NOT_FOUND }

    /** Deletes the role only while no seat holds it. */
    Removal delete(String orgId, String roleId);

    /**
     * Counts one more seat holding the role, BEFORE the seat is written; false when the role does
     * not exist (so no seat can be given a role that is gone or being deleted).
     */
    boolean reserve(String orgId, String roleId);

    /** Counts one seat fewer, AFTER the seat no longer holds the role (never below zero). */
    void release(String orgId, String roleId);
}
