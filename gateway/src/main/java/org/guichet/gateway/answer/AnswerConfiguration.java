package org.guichet.gateway.answer;

import java.time.Clock;

import org.guichet.administration.AdministrationProperties;
import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.Casework;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Answers on every node: the REST API posts them on web nodes, mailbox mode on workers. */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

    @Bean
    ServiceMailboxes serviceMailboxes(AdministrationProperties properties, ServiceDirectory directory, JdbcClient jdbc) {
        return new ServiceMailboxes(properties, directory, jdbc);
    }

    /** Reply addresses are in the reply domain, as the pipeline writes them ({@code guichet.node.reply-domain}). */
    @Bean
    CaseReplyPath caseReplyPath(AgentAnswers answers, ReplyTokenSigner signer, ReplyDomain replyDomain,
            Clock clock) {
        return new CaseReplyPath(answers, signer, replyDomain.name(), clock);
    }

    @Bean
    CaseLetters caseLetters(CaseReplyPath replyPath, Spool spool, JdbcClient jdbc, Clock clock) {
        return new CaseLetters(replyPath, new AnswerComposer(), spool, jdbc, clock);
    }

    @Bean
    AnswerService answerService(Casework casework, AgentAnswers answers, ServiceMailboxes mailboxes,
            CaseLetters letters) {
        return new AnswerService(casework, answers, mailboxes, letters);
    }
}
