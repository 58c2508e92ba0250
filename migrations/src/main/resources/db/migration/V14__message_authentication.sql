-- What the gateway's SPF, DKIM and DMARC checks said of an inbound message (RFC 7208, 6376,
-- 7489), as agents see it beside the message: "spf=pass dkim=fail dmarc=none". A flag only:
-- nothing is refused on it. The full results stay in the raw message's Authentication-Results.
alter table case_message add column authentication varchar(200);
