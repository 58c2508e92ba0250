package org.guichet.administration;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Services extends JpaRepository<Service, Long> {

    Optional<Service> findByCode(String code);
}
