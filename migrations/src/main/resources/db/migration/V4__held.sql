-- A mail the pipeline cannot handle (a mailet failed) is held for an operator instead of
-- being dropped or retried forever: stage 'held', with the failure in spool_message.error.
alter table spool_message drop constraint spool_message_stage_check;
alter table spool_message add constraint spool_message_stage_check
    check (stage in ('pipeline', 'delivery', 'done', 'held'));

-- Mail attributes of a mail a mailet sent back into the pipeline (MailetContext.sendMail),
-- as James AttributeValue JSON, so that later steps still see what earlier ones recorded.
alter table spool_message add column attributes text;
