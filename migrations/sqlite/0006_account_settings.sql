-- Account settings: when the nickname last changed (it may change once per configured period), and account
-- deletion. A deleted account keeps its row, so that its posts and comments stay (shown as 탈퇴한 사용자):
-- deleted_at is set, the nickname key is released, the password can no longer match, and the username stays
-- reserved (see README, "Account deletion").
ALTER TABLE users ADD COLUMN nickname_changed_at BIGINT;
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
