package org.guichet.web.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebAccounts extends JpaRepository<WebAccount, Long> {

    Optional<WebAccount> findByUsername(String username);
}
