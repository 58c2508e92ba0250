-- How many times the pipeline failed on a message (an exception or an Error such as
-- OutOfMemoryError in a mailet). Past guichet.pipeline.budget.failures the message is held for
-- an operator with the last failure, instead of being retried for ever; releasing it counts afresh.
alter table spool_message add column pipeline_failures int not null default 0;
