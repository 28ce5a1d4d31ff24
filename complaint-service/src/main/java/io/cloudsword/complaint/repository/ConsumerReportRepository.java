package io.cloudsword.complaint.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.ConsumerReport;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConsumerReportRepository implements PanacheRepositoryBase<ConsumerReport, UUID> {
}
