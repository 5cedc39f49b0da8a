package dev.ascendcp.jobs.model;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StepRepository extends JpaRepository<Step, UUID> {}
