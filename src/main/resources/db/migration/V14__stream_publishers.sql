-- The media server's client id of the stream publishing with each key now, so that the publish-done of an older
-- connection (an encoder that reconnected before nginx noticed the old one was gone) does not interrupt the new one.
alter table stream_keys add column publisher_client varchar(64);
