package org.openhotline.desk.group;

import java.util.List;
import java.util.Optional;

/** The skill group definitions (table skill_group); the admin page edits them through this. */
public interface SkillGroupStore {
    List<SkillGroup> list();

    Optional<SkillGroup> find(String code);

    /** Inserts or replaces by code. */
    void save(SkillGroup group);

    /** False when no such group. */
    boolean delete(String code);
}
