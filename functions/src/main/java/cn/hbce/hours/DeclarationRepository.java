package cn.hbce.hours;

import java.util.Optional;

public interface DeclarationRepository {

    void create(Declaration declaration);

    Optional<Declaration> get(String declarationId);

    /** Marks the declaration's records as written (after they all are); false if it already was. */
    boolean markApplied(String declarationId);
}
