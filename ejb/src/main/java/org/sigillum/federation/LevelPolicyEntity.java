package org.sigillum.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.api.federation.LevelOfAssurance;

/** The one row of {@code level_policy}. */
@Entity
@Table(name = "level_policy")
public class LevelPolicyEntity {

    static final int GLOBAL = 1;

    @Id
    private int id;
    @Column(name = "scal1_level", nullable = false)
    private String scal1Level;
    @Column(name = "scal2_level", nullable = false)
    private String scal2Level;
    @Column(name = "key_creation_level", nullable = false)
    private String keyCreationLevel;
    @Column(name = "step_up", nullable = false)
    private String stepUp;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LevelPolicyEntity() {
    }

    LevelPolicy policy() {
        return new LevelPolicy(LevelOfAssurance.valueOf(scal1Level), LevelOfAssurance.valueOf(scal2Level),
                LevelOfAssurance.valueOf(keyCreationLevel), LevelPolicy.StepUp.valueOf(stepUp));
    }

    void write(LevelPolicy policy, Instant at) {
        this.scal1Level = policy.scal1().name();
        this.scal2Level = policy.scal2().name();
        this.keyCreationLevel = policy.keyCreation().name();
        this.stepUp = policy.stepUp().name();
        this.updatedAt = at;
    }
}
