package org.guichet.gateway.submission;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionAccounts extends JpaRepository<SubmissionAccount, Long> {

    Optional<SubmissionAccount> findByUsername(String username);
}
