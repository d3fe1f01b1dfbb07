-- 0004_ssh_keys down (the table's policies and grants go with it).

DROP FUNCTION console_user_by_ssh_fingerprint(text);
DROP TABLE user_ssh_keys;
