package org.guichet.gateway;

import java.time.Clock;

import org.guichet.administration.ServiceDirectory;
import org.guichet.casework.AgentAnswers;
import org.guichet.casework.Casework;
import org.guichet.conversation.ConversationLog;
import org.guichet.gateway.acknowledgement.Acknowledger;
import org.guichet.gateway.answer.AnswerService;
import org.guichet.gateway.answer.CaseReplyPath;
import org.guichet.gateway.answer.ServiceMailboxes;
import org.guichet.gateway.attachment.AttachmentIntake;
import org.guichet.gateway.authentication.Authenticator;
import org.guichet.gateway.dkim.DkimKeys;
import org.guichet.gateway.mailet.GuichetServices;
import org.guichet.gateway.notice.NoticeProperties;
import org.guichet.gateway.token.ReplyTokenSigner;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gathers the services Guichet's mailets use into the registry the mailet context publishes.
 * It sits above every capability, so that the pipeline, which runs the mailets, needs none of
 * them; services a node's roles do not start are left out, and a mailet that needs one says so.
 */
@Configuration(proxyBeanMethods = false)
class MailetServicesConfiguration {

    @Bean
    GuichetServices guichetServices(ReplyTokenSigner signer, ServiceDirectory services, ConversationLog conversations,
            Clock clock, ObjectProvider<DkimKeys> dkimKeys, ObjectProvider<Authenticator> authenticator,
            ObjectProvider<Casework> casework, ObjectProvider<ReplyTokenVerifier> verifier,
            ObjectProvider<Acknowledger> acknowledger, ObjectProvider<AgentAnswers> agentAnswers,
            ObjectProvider<AnswerService> answers, ObjectProvider<ServiceMailboxes> mailboxes,
            ObjectProvider<CaseReplyPath> replyPath, ObjectProvider<AttachmentIntake> attachments,
            ObjectProvider<NoticeProperties> notices) {
        return GuichetServices.none()
                .with(ReplyTokenSigner.class, signer)
                .with(ServiceDirectory.class, services)
                .with(ConversationLog.class, conversations)
                .with(Clock.class, clock)
                .with(DkimKeys.class, dkimKeys.getIfAvailable())
                .with(Authenticator.class, authenticator.getIfAvailable())
                .with(Casework.class, casework.getIfAvailable())
                .with(ReplyTokenVerifier.class, verifier.getIfAvailable())
                .with(Acknowledger.class, acknowledger.getIfAvailable())
                .with(AgentAnswers.class, agentAnswers.getIfAvailable())
                .with(AnswerService.class, answers.getIfAvailable())
                .with(ServiceMailboxes.class, mailboxes.getIfAvailable())
                .with(CaseReplyPath.class, replyPath.getIfAvailable())
                .with(AttachmentIntake.class, attachments.getIfAvailable())
                .with(NoticeProperties.class, notices.getIfAvailable());
    }
}
